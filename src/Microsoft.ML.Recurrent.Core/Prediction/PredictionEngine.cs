namespace Microsoft.ML;

/// <summary>
/// Runs a model on single objects: all schema binding (input members → columns, row mapper, output columns →
/// members) is done once at creation, so <see cref="Predict(TSrc, ref TDst)"/> only runs getters and setters.
/// NOT thread-safe (the model is; use one engine per thread or <c>PredictionEnginePool</c>).
/// </summary>
public sealed class PredictionEngine<TSrc, TDst> : PredictionEngineBase<TSrc, TDst>
    where TSrc : class
    where TDst : class, new()
{
    private readonly ITransformer _transformer;
    private readonly bool _ownsTransformer;
    private readonly PocoRowSource<TSrc> _source;
    private readonly DataViewRow _outputRow;
    private readonly Action<TDst>[] _setters;
    private bool _disposed;

    internal PredictionEngine(ITransformer transformer, DataViewSchema? inputSchema, bool ignoreMissingColumns, bool ownsTransformer)
    {
        ArgumentNullException.ThrowIfNull(transformer);
        if (!transformer.IsRowToRowMapper)
            throw new InvalidOperationException("A prediction engine needs a model that maps rows one at a time (IsRowToRowMapper).");
        _transformer = transformer;
        _ownsTransformer = ownsTransformer;
        var members = PocoSchema<TSrc>.Instance.Members.Where(m => m.CanRead).ToArray();
        IDataView schemaView = inputSchema is null
            ? new EnumerableDataView<TSrc>([], null)
            : new EnumerableDataView<TSrc>([], inputSchema);
        _source = new PocoRowSource<TSrc>();
        var inputRow = new PocoInputRow<TSrc>(schemaView.Schema, members, _source);
        IRowToRowMapper mapper = transformer.GetRowToRowMapper(inputRow.Schema);
        OutputSchema = mapper.OutputSchema;
        var binding = PocoBinding<TDst>.Create(mapper.OutputSchema, ignoreMissingColumns, "PredictionEngine output");
        _outputRow = mapper.GetRow(inputRow, binding.Columns);
        _setters = binding.MakeSetters(_outputRow);
    }

    /// <inheritdoc/>
    public override DataViewSchema OutputSchema { get; }

    /// <inheritdoc/>
    public override void Predict(TSrc example, ref TDst prediction)
    {
        ArgumentNullException.ThrowIfNull(example);
        ObjectDisposedException.ThrowIf(_disposed, this);
        prediction ??= new TDst();
        _source.Current = example;
        _source.Position++;
        Action<TDst>[] setters = _setters;
        for (int i = 0; i < setters.Length; i++)
            setters[i](prediction);
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (_disposed)
            return;
        _disposed = true;
        if (disposing)
        {
            _outputRow.Dispose();
            if (_ownsTransformer)
                (_transformer as IDisposable)?.Dispose();
        }
        base.Dispose(disposing);
    }
}
