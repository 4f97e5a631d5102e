using Microsoft.ML;

namespace Microsoft.ML.Transforms.Text;

/// <summary><c>mlContext.Transforms.Text.TokenizeIntoUnicodeWords</c>: Unicode-aware word tokenization. Nothing to learn.</summary>
public sealed class UnicodeWordTokenizingEstimator : TrivialEstimator<UnicodeWordTokenizingTransformer>
{
    /// <summary>Creates the estimator for the given column pairs.</summary>
    public UnicodeWordTokenizingEstimator(params InputOutputColumnPair[] columns)
        : base(new UnicodeWordTokenizingTransformer(columns))
    {
    }
}
