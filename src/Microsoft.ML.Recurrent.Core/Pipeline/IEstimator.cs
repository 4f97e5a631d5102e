namespace Microsoft.ML;

/// <summary>
/// A recipe for a transformer: <see cref="Fit"/> learns from data (or only validates the schema, for
/// stateless components) and returns the transformer.
/// </summary>
public interface IEstimator<out TTransformer>
    where TTransformer : ITransformer
{
    /// <summary>Trains on <paramref name="input"/> and returns the fitted transformer.</summary>
    TTransformer Fit(IDataView input);

    /// <summary>
    /// The schema the fitted transformer will produce from data shaped like <paramref name="inputSchema"/>;
    /// throws <see cref="Data.SchemaMismatchException"/> when a required column is missing or of the wrong type.
    /// </summary>
    SchemaShape GetOutputSchema(SchemaShape inputSchema);
}
