namespace Microsoft.ML.Transforms;

/// <summary>Estimator of <see cref="ColumnConcatenatingTransformer"/> (nothing to learn).</summary>
public sealed class ColumnConcatenatingEstimator : TrivialEstimator<ColumnConcatenatingTransformer>
{
    /// <summary>Concatenates <paramref name="inputColumnNames"/> into <paramref name="outputColumnName"/>.</summary>
    public ColumnConcatenatingEstimator(string outputColumnName, params string[] inputColumnNames)
        : base(new ColumnConcatenatingTransformer(outputColumnName, inputColumnNames))
    {
    }
}
