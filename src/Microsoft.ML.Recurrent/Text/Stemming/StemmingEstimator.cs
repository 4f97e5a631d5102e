using Microsoft.ML;

namespace Microsoft.ML.Recurrent.Text.Stemming;

/// <summary>
/// Estimator for <see cref="StemmingTransformer"/>: nothing to learn, <see cref="TrivialEstimator{T}.Fit"/> only checks
/// that each input column is text or a vector of text.
/// </summary>
public sealed partial class StemmingEstimator : TrivialEstimator<StemmingTransformer>
{
    /// <summary>Stems <paramref name="columns"/> with the <paramref name="language"/> stemmer.</summary>
    public StemmingEstimator(StemmerLanguage language = Defaults.Language, params InputOutputColumnPair[] columns)
        : base(new StemmingTransformer(language, columns))
    {
    }
}
