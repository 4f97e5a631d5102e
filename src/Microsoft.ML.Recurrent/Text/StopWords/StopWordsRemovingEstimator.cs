using Microsoft.ML;

namespace Microsoft.ML.Transforms.Text;

/// <summary><c>mlContext.Transforms.Text.RemoveDefaultStopWords</c>: removes a language's stop words from a vector of text. Nothing to learn.</summary>
public sealed partial class StopWordsRemovingEstimator : TrivialEstimator<StopWordsRemovingTransformer>
{
    /// <summary>Default language: <see cref="Language.English"/>.</summary>
    public const Language DefaultLanguage = Language.English;

    /// <summary>Creates the estimator.</summary>
    public StopWordsRemovingEstimator(Language language = DefaultLanguage, params InputOutputColumnPair[] columns)
        : base(new StopWordsRemovingTransformer(language, columns))
    {
    }
}
