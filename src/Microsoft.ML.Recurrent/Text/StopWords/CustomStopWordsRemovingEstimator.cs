using Microsoft.ML;

namespace Microsoft.ML.Transforms.Text;

/// <summary><c>mlContext.Transforms.Text.RemoveStopWords</c>: removes the words of a custom list from a vector of text. Nothing to learn.</summary>
public sealed class CustomStopWordsRemovingEstimator : TrivialEstimator<CustomStopWordsRemovingTransformer>
{
    /// <summary>Creates the estimator.</summary>
    public CustomStopWordsRemovingEstimator(string[] stopWords, params InputOutputColumnPair[] columns)
        : base(new CustomStopWordsRemovingTransformer(stopWords, columns))
    {
    }
}
