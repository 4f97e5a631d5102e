namespace Microsoft.ML.Data;

/// <summary>
/// An immutable sequence of estimators; <see cref="Append{TNewTrans}"/> returns a new chain. <see cref="Fit"/>
/// first checks the whole pipeline's schema (a mismatch names the step, column, expected and actual type),
/// then fits each estimator on the output of the transformers fitted before it.
/// </summary>
public sealed class EstimatorChain<TLastTransformer> : IEstimator<TransformerChain<TLastTransformer>>
    where TLastTransformer : class, ITransformer
{
    private readonly IEstimator<ITransformer>[] _estimators;
    private readonly TransformerScope[] _scopes;

    // _cacheAfter[i]: the output of step i is cached in memory before step i + 1 is fitted.
    private readonly bool[] _cacheAfter;

    /// <summary>An empty chain.</summary>
    public EstimatorChain()
    {
        _estimators = [];
        _scopes = [];
        _cacheAfter = [];
        LastEstimator = null!;
    }

    private EstimatorChain(IEstimator<ITransformer>[] estimators, TransformerScope[] scopes, bool[] cacheAfter)
    {
        _estimators = estimators;
        _scopes = scopes;
        _cacheAfter = cacheAfter;
        LastEstimator = (IEstimator<TLastTransformer>)estimators[^1];
    }

    /// <summary>The last estimator (null for an empty chain).</summary>
    public IEstimator<TLastTransformer> LastEstimator { get; }

    /// <summary>The estimators in order.</summary>
    public IReadOnlyList<IEstimator<ITransformer>> Estimators => _estimators;

    /// <summary>A new chain with <paramref name="estimator"/> appended.</summary>
    public EstimatorChain<TNewTrans> Append<TNewTrans>(IEstimator<TNewTrans> estimator, TransformerScope scope = TransformerScope.Everything)
        where TNewTrans : class, ITransformer
    {
        ArgumentNullException.ThrowIfNull(estimator);
        return new EstimatorChain<TNewTrans>([.. _estimators, (IEstimator<ITransformer>)estimator], [.. _scopes, scope], [.. _cacheAfter, false]);
    }

    /// <summary>
    /// A new chain that caches the data produced so far in memory, so that estimators after it which read the
    /// data several times do not recompute earlier steps.
    /// </summary>
    public EstimatorChain<TLastTransformer> AppendCacheCheckpoint(MLContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_estimators.Length == 0)
            throw new InvalidOperationException("Cannot add a cache checkpoint to an empty chain.");
        bool[] cacheAfter = (bool[])_cacheAfter.Clone();
        cacheAfter[^1] = true;
        return new EstimatorChain<TLastTransformer>(_estimators, _scopes, cacheAfter);
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        SchemaShape shape = inputSchema;
        for (int i = 0; i < _estimators.Length; i++)
        {
            try
            {
                shape = _estimators[i].GetOutputSchema(shape);
            }
            catch (SchemaMismatchException e)
            {
                throw e.InStep(i, _estimators.Length);
            }
        }
        return shape;
    }

    /// <inheritdoc/>
    public TransformerChain<TLastTransformer> Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        GetOutputSchema(SchemaShape.Create(input.Schema));
        var transformers = new ITransformer[_estimators.Length];
        IDataView current = input;
        for (int i = 0; i < _estimators.Length; i++)
        {
            try
            {
                transformers[i] = _estimators[i].Fit(current);
            }
            catch (SchemaMismatchException e)
            {
                throw e.InStep(i, _estimators.Length);
            }
            if (i < _estimators.Length - 1)
            {
                current = transformers[i].Transform(current);
                if (_cacheAfter[i])
                    current = DataOperationsCatalog.CacheInMemory(current);
            }
        }
        return new TransformerChain<TLastTransformer>(transformers, _scopes);
    }
}
