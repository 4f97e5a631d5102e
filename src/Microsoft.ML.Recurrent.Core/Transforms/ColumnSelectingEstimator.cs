namespace Microsoft.ML.Transforms;

/// <summary>Estimator of <see cref="ColumnSelectingTransformer"/> (nothing to learn).</summary>
public sealed class ColumnSelectingEstimator : TrivialEstimator<ColumnSelectingTransformer>
{
    /// <summary>Keeps <paramref name="columnsToKeep"/> or drops <paramref name="columnsToDrop"/>.</summary>
    public ColumnSelectingEstimator(string[]? columnsToKeep, string[]? columnsToDrop, bool keepHidden = false)
        : base(new ColumnSelectingTransformer(columnsToKeep, columnsToDrop, keepHidden))
    {
    }
}
