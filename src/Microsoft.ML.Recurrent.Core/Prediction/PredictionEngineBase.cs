namespace Microsoft.ML;

/// <summary>Predicts one example at a time with a fitted model. Not thread-safe: use one per thread or a pool.</summary>
public abstract class PredictionEngineBase<TSrc, TDst> : IDisposable
    where TSrc : class
    where TDst : class, new()
{
    private protected PredictionEngineBase()
    {
    }

    /// <summary>The schema of the model's output.</summary>
    public abstract DataViewSchema OutputSchema { get; }

    /// <summary>Predicts for <paramref name="example"/> into a new object.</summary>
    public TDst Predict(TSrc example)
    {
        TDst result = new();
        Predict(example, ref result);
        return result;
    }

    /// <summary>Predicts for <paramref name="example"/> into <paramref name="prediction"/> (created when null), reusing its arrays.</summary>
    public abstract void Predict(TSrc example, ref TDst prediction);

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the model when the engine owns it.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}
