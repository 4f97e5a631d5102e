using Microsoft.ML;

namespace Microsoft.ML.Recurrent.Text.Lemmatization;

/// <summary>
/// Estimator for <see cref="LemmatizingTransformer"/>: the lexicon is given, so there is nothing to learn;
/// <see cref="TrivialEstimator{T}.Fit"/> only checks that each input column is text or a vector of text.
/// </summary>
public sealed class LemmatizingEstimator : TrivialEstimator<LemmatizingTransformer>
{
    /// <summary>Lemmatizes <paramref name="columns"/> with <paramref name="lemmatizer"/>.</summary>
    public LemmatizingEstimator(Lemmatizer lemmatizer, params InputOutputColumnPair[] columns)
        : base(new LemmatizingTransformer(lemmatizer, columns))
    {
    }
}
