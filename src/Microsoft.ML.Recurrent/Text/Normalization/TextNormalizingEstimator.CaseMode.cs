namespace Microsoft.ML.Transforms.Text;

/// <summary>Normalizes text: case, diacritics, punctuation and digits (<c>mlContext.Transforms.Text.NormalizeText</c>).</summary>
public sealed partial class TextNormalizingEstimator
{
    /// <summary>
    /// How <see cref="TextNormalizingEstimator"/> changes letter case (invariant culture). The values are
    /// ML.NET's; model files store the name, not the number.
    /// </summary>
    public enum CaseMode
    {
        /// <summary>Make every letter lower case (invariant culture). The default.</summary>
        Lower = 0,

        /// <summary>Make every letter upper case (invariant culture).</summary>
        Upper = 1,

        /// <summary>Leave case unchanged.</summary>
        None = 2,
    }
}
