namespace Microsoft.ML;

/// <summary>
/// A fitted component that maps data views. <see cref="Transform"/> is lazy (it only validates the schema);
/// values are computed when a cursor reads them. Transformers are immutable and may be shared across threads.
/// </summary>
public interface ITransformer : ICanSaveModel
{
    /// <summary>True when rows can be mapped one at a time (needed by <see cref="PredictionEngine{TSrc, TDst}"/>).</summary>
    bool IsRowToRowMapper { get; }

    /// <summary>The output schema for <paramref name="inputSchema"/>; throws <see cref="Data.SchemaMismatchException"/> when it does not fit.</summary>
    DataViewSchema GetOutputSchema(DataViewSchema inputSchema);

    /// <summary>Maps <paramref name="input"/> lazily.</summary>
    IDataView Transform(IDataView input);

    /// <summary>A mapper of single rows of schema <paramref name="inputSchema"/>.</summary>
    IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema);
}
