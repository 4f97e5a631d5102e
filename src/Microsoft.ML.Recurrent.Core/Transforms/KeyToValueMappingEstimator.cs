namespace Microsoft.ML.Transforms;

/// <summary>Estimator of <see cref="KeyToValueMappingTransformer"/> (nothing to learn).</summary>
public sealed class KeyToValueMappingEstimator : TrivialEstimator<KeyToValueMappingTransformer>
{
    /// <summary>Maps each pair's key input back to its values.</summary>
    public KeyToValueMappingEstimator(params InputOutputColumnPair[] columns)
        : base(new KeyToValueMappingTransformer(columns))
    {
    }
}
