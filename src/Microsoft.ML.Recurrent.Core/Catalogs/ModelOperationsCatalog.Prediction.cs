namespace Microsoft.ML;

public sealed partial class ModelOperationsCatalog
{
    /// <summary>
    /// A prediction engine over <paramref name="transformer"/>: public members of <typeparamref name="TSrc"/> are
    /// the input columns, members of <typeparamref name="TDst"/> are filled from output columns of the same name
    /// (members without a column are skipped when <paramref name="ignoreMissingColumns"/>).
    /// </summary>
    public PredictionEngine<TSrc, TDst> CreatePredictionEngine<TSrc, TDst>(ITransformer transformer, bool ignoreMissingColumns = true)
        where TSrc : class
        where TDst : class, new()
        => new(transformer, null, ignoreMissingColumns, ownsTransformer: true);

    /// <summary>A prediction engine whose input types follow <paramref name="inputSchema"/> (from <c>Model.Load</c>); every output member must have a column.</summary>
    public PredictionEngine<TSrc, TDst> CreatePredictionEngine<TSrc, TDst>(ITransformer transformer, DataViewSchema inputSchema)
        where TSrc : class
        where TDst : class, new()
        => new(transformer, inputSchema, ignoreMissingColumns: false, ownsTransformer: true);

    /// <summary>A prediction engine configured by <paramref name="options"/>.</summary>
    public PredictionEngine<TSrc, TDst> CreatePredictionEngine<TSrc, TDst>(ITransformer transformer, PredictionEngineOptions options)
        where TSrc : class
        where TDst : class, new()
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(transformer, options.InputSchema, options.IgnoreMissingColumns, options.OwnsTransformer);
    }
}
