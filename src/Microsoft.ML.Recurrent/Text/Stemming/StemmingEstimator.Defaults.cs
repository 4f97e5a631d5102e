namespace Microsoft.ML.Recurrent.Text.Stemming;

public sealed partial class StemmingEstimator
{
    /// <summary>Default settings of <c>StemWords</c>.</summary>
    public static class Defaults
    {
        /// <summary>English (Porter2).</summary>
        public const StemmerLanguage Language = StemmerLanguage.English;
    }
}
