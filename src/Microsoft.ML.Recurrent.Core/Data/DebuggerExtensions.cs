using Microsoft.ML.Data;

namespace Microsoft.ML;

/// <summary><c>Preview</c>: read the first rows eagerly, for debugging and tests.</summary>
public static class DebuggerExtensions
{
    /// <summary>The first <paramref name="maxRows"/> rows (default 100) of <paramref name="data"/>.</summary>
    public static DataDebuggerPreview Preview(this IDataView data, int maxRows = 100) => new(data, maxRows);

    /// <summary>The first <paramref name="maxRows"/> rows of <paramref name="data"/> after <paramref name="transformer"/>.</summary>
    public static DataDebuggerPreview Preview(this ITransformer transformer, IDataView data, int maxRows = 100)
    {
        ArgumentNullException.ThrowIfNull(transformer);
        return new(transformer.Transform(data), maxRows);
    }

    /// <summary>Fits <paramref name="estimator"/> on the first <paramref name="maxTrainingRows"/> rows, then previews its output.</summary>
    public static DataDebuggerPreview Preview(this IEstimator<ITransformer> estimator, IDataView data, int maxRows = 100, int maxTrainingRows = 100)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(data);
        ITransformer transformer = estimator.Fit(new RowRangeDataView(data, 0, maxTrainingRows));
        return new(transformer.Transform(data), maxRows);
    }
}
