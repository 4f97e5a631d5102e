using Microsoft.ML.Recurrent.Text.Stemming;

namespace Microsoft.ML;

/// <summary><c>mlContext.Transforms.Text.StemWords</c>: Snowball stemming as a pipeline step.</summary>
public static class StemmingCatalog
{
    /// <summary>
    /// Replaces each word of <paramref name="inputColumnName"/> by its stem (Snowball algorithm of
    /// <paramref name="language"/>), for example <c>["running", "cats"]</c> → <c>["run", "cat"]</c>.
    /// </summary>
    /// <param name="catalog">The text transforms catalog.</param>
    /// <param name="outputColumnName">Name of the output column: same shape as the input (text, or vector of text).</param>
    /// <param name="inputColumnName">Text or vector-of-text column to stem; null means <paramref name="outputColumnName"/>.</param>
    /// <param name="language">Stemming algorithm; default English (Porter2). Words should be lower-case
    /// (<c>NormalizeText</c> with <c>keepDiacritics: true</c> for accented languages) and tokenized (<c>TokenizeIntoWords</c>).</param>
    /// <example><code>
    /// var pipeline = mlContext.Transforms.Text.NormalizeText("Text", keepDiacritics: true)
    ///     .Append(mlContext.Transforms.Text.TokenizeIntoWords("Words", "Text"))
    ///     .Append(mlContext.Transforms.Text.StemWords("Stems", "Words", StemmerLanguage.German));
    /// </code></example>
    public static StemmingEstimator StemWords(this TransformsCatalog.TextTransforms catalog, string outputColumnName,
        string? inputColumnName = null, StemmerLanguage language = StemmingEstimator.Defaults.Language)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new StemmingEstimator(language, new InputOutputColumnPair(outputColumnName, inputColumnName));
    }

    /// <summary>Stems several columns with the same <paramref name="language"/>.</summary>
    /// <param name="catalog">The text transforms catalog.</param>
    /// <param name="columns">(output, input) pairs; each input is text or a vector of text.</param>
    /// <param name="language">Stemming algorithm; default English (Porter2).</param>
    public static StemmingEstimator StemWords(this TransformsCatalog.TextTransforms catalog, InputOutputColumnPair[] columns,
        StemmerLanguage language = StemmingEstimator.Defaults.Language)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new StemmingEstimator(language, columns);
    }
}
