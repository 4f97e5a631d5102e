using Microsoft.ML.Recurrent.NGram;

namespace Microsoft.ML;

/// <summary>
/// <c>mlContext.Transforms.Text.NGramLanguageModel(...)</c>: an n-gram language model over a token column. The model
/// adds several columns (scores and queries), so unlike ML.NET's one-output transforms the input column comes first and
/// the output names live in <see cref="NGramLanguageModelEstimator.Options"/>.
/// </summary>
public static class NGramCatalog
{
    /// <summary>
    /// An n-gram language model over <paramref name="inputColumnName"/> (a vector of text, a vector of keys with
    /// <c>KeyValues</c>, or text split on white space), one sentence per row. Adds Log10Probability, LogProbability,
    /// Perplexity, TokenCount, NextWords, NextWordProbabilities, CompletedWord and Generated.
    /// </summary>
    /// <param name="catalog">The text transforms catalog.</param>
    /// <param name="inputColumnName">The token column. Default "Tokens".</param>
    /// <param name="order">Longest n-gram, in words. Default 3.</param>
    /// <param name="smoothing">How counts become probabilities. Default modified Kneser-Ney (exactly as KenLM).</param>
    /// <example><code>
    /// var pipeline = ml.Transforms.Text.TokenizeIntoWords("Tokens", "Text")
    ///     .Append(ml.Transforms.Text.NGramLanguageModel("Tokens", order: 3));
    /// </code></example>
    public static NGramLanguageModelEstimator NGramLanguageModel(this TransformsCatalog.TextTransforms catalog,
        string inputColumnName = NGramLanguageModelEstimator.Options.DefaultInputColumnName,
        int order = NGramOptions.DefaultOrder,
        NGramSmoothing smoothing = NGramSmoothing.KneserNey)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new NGramLanguageModelEstimator(catalog.Context, new NGramLanguageModelEstimator.Options
        {
            InputColumnName = inputColumnName,
            Model = new NGramOptions { Order = order, Smoothing = smoothing },
        });
    }

    /// <summary>An n-gram language model with all settings in <paramref name="options"/>.</summary>
    /// <param name="catalog">The text transforms catalog.</param>
    /// <param name="options">Input column, estimation settings, output column names, suggestions and generation.</param>
    public static NGramLanguageModelEstimator NGramLanguageModel(this TransformsCatalog.TextTransforms catalog, NGramLanguageModelEstimator.Options options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new NGramLanguageModelEstimator(catalog.Context, options);
    }
}
