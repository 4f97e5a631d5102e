namespace Microsoft.ML.Transforms;

public sealed partial class ValueToKeyMappingEstimator
{
    /// <summary>Default settings, shared with the catalog method.</summary>
    public static class Defaults
    {
        /// <summary>At most 1,000,000 keys per column; further distinct values map to 0 (a warning is logged).</summary>
        public const int MaximumNumberOfKeys = 1_000_000;

        /// <summary>Keys in order of first appearance.</summary>
        public const KeyOrdinality Ordinality = KeyOrdinality.ByOccurrence;

        /// <summary>KeyValues annotations keep the item type (not text).</summary>
        public const bool AddKeyValueAnnotationsAsText = false;
    }
}
