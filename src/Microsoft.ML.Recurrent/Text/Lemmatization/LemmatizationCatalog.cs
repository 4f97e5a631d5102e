using Microsoft.ML.Recurrent.Text.Lemmatization;
using Microsoft.ML.Recurrent.Text.Stemming;

namespace Microsoft.ML;

/// <summary><c>mlContext.Transforms.Text.Lemmatize</c>: dictionary lemmatization as a pipeline step.</summary>
public static class LemmatizationCatalog
{
    /// <summary>
    /// Replaces each word of <paramref name="inputColumnName"/> by its lemma from <paramref name="lexicon"/>
    /// (<c>["mice", "went"]</c> → <c>["mouse", "go"]</c>); words missing from the lexicon are stemmed with
    /// <paramref name="fallbackLanguage"/> when it is set, and kept unchanged otherwise. The lexicon is saved in model.zip.
    /// </summary>
    /// <param name="catalog">The text transforms catalog.</param>
    /// <param name="outputColumnName">Name of the output column: same shape as the input (text, or vector of text).</param>
    /// <param name="lexicon">Form → lemma dictionary (see <see cref="LemmaLexicon"/> for the file format).</param>
    /// <param name="inputColumnName">Text or vector-of-text column; null means <paramref name="outputColumnName"/>.</param>
    /// <param name="fallbackLanguage">Stemmer for unknown words; default null (keep them).</param>
    public static LemmatizingEstimator Lemmatize(this TransformsCatalog.TextTransforms catalog, string outputColumnName,
        LemmaLexicon lexicon, string? inputColumnName = null, StemmerLanguage? fallbackLanguage = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new LemmatizingEstimator(new Lemmatizer(lexicon, fallbackLanguage), new InputOutputColumnPair(outputColumnName, inputColumnName));
    }

    /// <summary>
    /// As <see cref="Lemmatize(TransformsCatalog.TextTransforms, string, LemmaLexicon, string?, StemmerLanguage?)"/>,
    /// reading the lexicon from the plain-text file <paramref name="lexiconPath"/> (<c>form&lt;TAB&gt;lemma</c> per line,
    /// <c>#</c> comments).
    /// </summary>
    /// <param name="catalog">The text transforms catalog.</param>
    /// <param name="outputColumnName">Name of the output column.</param>
    /// <param name="lexiconPath">Path of the lexicon file (UTF-8).</param>
    /// <param name="inputColumnName">Text or vector-of-text column; null means <paramref name="outputColumnName"/>.</param>
    /// <param name="fallbackLanguage">Stemmer for unknown words; default null (keep them).</param>
    /// <exception cref="FormatException">A line of the file is malformed; the message names the file and the line.</exception>
    public static LemmatizingEstimator Lemmatize(this TransformsCatalog.TextTransforms catalog, string outputColumnName,
        string lexiconPath, string? inputColumnName = null, StemmerLanguage? fallbackLanguage = null)
        => catalog.Lemmatize(outputColumnName, LemmaLexicon.Load(lexiconPath), inputColumnName, fallbackLanguage);
}
