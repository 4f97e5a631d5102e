namespace Microsoft.ML;

/// <summary>
/// Base of estimators that need no training: the transformer is built up front, <see cref="Fit"/> only checks
/// the schema, and <see cref="GetOutputSchema"/> reuses the transformer's own schema rule.
/// </summary>
public abstract class TrivialEstimator<TTransformer> : IEstimator<TTransformer>
    where TTransformer : class, ITransformer
{
    /// <summary>Wraps <paramref name="transformer"/>.</summary>
    protected TrivialEstimator(TTransformer transformer)
    {
        ArgumentNullException.ThrowIfNull(transformer);
        Transformer = transformer;
    }

    /// <summary>The transformer that <see cref="Fit"/> returns.</summary>
    protected TTransformer Transformer { get; }

    /// <summary>Checks <paramref name="input"/>'s schema and returns the transformer.</summary>
    public TTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Transformer.GetOutputSchema(input.Schema);
        return Transformer;
    }

    /// <inheritdoc/>
    public virtual SchemaShape GetOutputSchema(SchemaShape inputSchema)
        => SchemaShape.Propagate(inputSchema, Transformer.GetOutputSchema);
}
