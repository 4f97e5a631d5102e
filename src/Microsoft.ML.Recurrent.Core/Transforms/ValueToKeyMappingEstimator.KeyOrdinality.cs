namespace Microsoft.ML.Transforms;

public sealed partial class ValueToKeyMappingEstimator
{
    /// <summary>How keys are ordered. Saved by name in model files.</summary>
    public enum KeyOrdinality : byte
    {
        /// <summary>In order of first appearance in the data (the default).</summary>
        ByOccurrence = 0,

        /// <summary>By value: ordinal for text, ascending for numbers.</summary>
        ByValue = 1,
    }
}
