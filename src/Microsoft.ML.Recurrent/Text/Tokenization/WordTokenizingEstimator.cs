using Microsoft.ML;

namespace Microsoft.ML.Transforms.Text;

/// <summary><c>mlContext.Transforms.Text.TokenizeIntoWords</c>: splits text at separators (default: space). Nothing to learn.</summary>
public sealed class WordTokenizingEstimator : TrivialEstimator<WordTokenizingTransformer>
{
    /// <summary>Creates the estimator.</summary>
    /// <param name="separators">Separator characters; null or empty means space only (ML.NET's default).</param>
    /// <param name="columns">The (output, input) column pairs.</param>
    public WordTokenizingEstimator(char[]? separators, params InputOutputColumnPair[] columns)
        : base(new WordTokenizingTransformer(separators, columns))
    {
    }
}
