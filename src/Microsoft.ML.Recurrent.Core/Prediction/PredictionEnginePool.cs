using System.Collections.Concurrent;
using Microsoft.ML;

namespace Microsoft.Extensions.ML;

/// <summary>
/// A thread-safe pool of prediction engines over one shared model, for servers: <see cref="Predict"/> rents an
/// engine, predicts and returns it. Engines do not own the model; disposing the pool disposes them.
/// </summary>
public sealed class PredictionEnginePool<TData, TPrediction> : IDisposable
    where TData : class
    where TPrediction : class, new()
{
    private readonly MLContext _context;
    private readonly DataViewSchema? _inputSchema;
    private readonly ConcurrentBag<PredictionEngine<TData, TPrediction>> _engines = new();
    private readonly int _maximumRetained;
    private int _retained;
    private bool _disposed;

    /// <summary>A pool over <paramref name="model"/>; at most <paramref name="maximumRetained"/> idle engines are kept (default: 2 × processors).</summary>
    public PredictionEnginePool(MLContext context, ITransformer model, DataViewSchema? inputSchema = null, int? maximumRetained = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(model);
        if (maximumRetained is <= 0)
            throw new ArgumentOutOfRangeException(nameof(maximumRetained), maximumRetained, "Must be positive.");
        _context = context;
        Model = model;
        _inputSchema = inputSchema;
        _maximumRetained = maximumRetained ?? 2 * Environment.ProcessorCount;
        // Build one engine now so that a model that cannot serve TData/TPrediction fails here, not on the first request.
        ReturnPredictionEngine(GetPredictionEngine());
    }

    /// <summary>A pool over the model in <paramref name="modelPath"/> (its saved input schema is used).</summary>
    public static PredictionEnginePool<TData, TPrediction> FromFile(MLContext context, string modelPath, int? maximumRetained = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ITransformer model = context.Model.Load(modelPath, out DataViewSchema? schema);
        return new PredictionEnginePool<TData, TPrediction>(context, model, schema, maximumRetained);
    }

    /// <summary>The shared model.</summary>
    public ITransformer Model { get; }

    /// <summary>Rents an engine (give it back with <see cref="ReturnPredictionEngine"/>).</summary>
    public PredictionEngine<TData, TPrediction> GetPredictionEngine()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_engines.TryTake(out PredictionEngine<TData, TPrediction>? engine))
        {
            Interlocked.Decrement(ref _retained);
            return engine;
        }
        var options = new PredictionEngineOptions { OwnsTransformer = false, InputSchema = _inputSchema, IgnoreMissingColumns = _inputSchema is null };
        return _context.Model.CreatePredictionEngine<TData, TPrediction>(Model, options);
    }

    /// <summary>Gives a rented engine back.</summary>
    public void ReturnPredictionEngine(PredictionEngine<TData, TPrediction> engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        if (_disposed || Interlocked.Increment(ref _retained) > _maximumRetained)
        {
            Interlocked.Decrement(ref _retained);
            engine.Dispose();
            return;
        }
        _engines.Add(engine);
    }

    /// <summary>Predicts <paramref name="example"/> with a rented engine. Thread-safe.</summary>
    public TPrediction Predict(TData example)
    {
        PredictionEngine<TData, TPrediction> engine = GetPredictionEngine();
        try
        {
            return engine.Predict(example);
        }
        finally
        {
            ReturnPredictionEngine(engine);
        }
    }

    /// <summary>Disposes the idle engines (not the model).</summary>
    public void Dispose()
    {
        _disposed = true;
        while (_engines.TryTake(out PredictionEngine<TData, TPrediction>? engine))
            engine.Dispose();
    }
}
