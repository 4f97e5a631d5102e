namespace Microsoft.ML.Transforms;

/// <summary>Estimator of <see cref="ColumnCopyingTransformer"/> (nothing to learn).</summary>
public sealed class ColumnCopyingEstimator : TrivialEstimator<ColumnCopyingTransformer>
{
    /// <summary>Copies each input column of <paramref name="columns"/> to its output name.</summary>
    public ColumnCopyingEstimator(params InputOutputColumnPair[] columns)
        : base(new ColumnCopyingTransformer(columns))
    {
    }
}
