using Microsoft.ML.Recurrent.Text.Stemming;

namespace Microsoft.ML.Recurrent.Text.Lemmatization;

/// <summary>
/// Dictionary lemmatization: a word found in the <see cref="LemmaLexicon"/> becomes its lemma; any other word is
/// stemmed with the fallback stemmer when one is set, and kept as it is otherwise. Immutable and thread-safe.
/// </summary>
public sealed class Lemmatizer
{
    private readonly Stemmer? _fallback;

    /// <summary>Creates the lemmatizer.</summary>
    /// <param name="lexicon">The form → lemma dictionary.</param>
    /// <param name="fallbackLanguage">Stemmer for words missing from the lexicon; null (default) keeps them unchanged.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fallbackLanguage"/> is not defined.</exception>
    public Lemmatizer(LemmaLexicon lexicon, StemmerLanguage? fallbackLanguage = null)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        Lexicon = lexicon;
        FallbackLanguage = fallbackLanguage;
        _fallback = fallbackLanguage is { } language ? Stemmer.Create(language) : null;
    }

    /// <summary>The dictionary.</summary>
    public LemmaLexicon Lexicon { get; }

    /// <summary>The fallback stemming language, or null when unknown words are kept.</summary>
    public StemmerLanguage? FallbackLanguage { get; }

    /// <summary>The lemma of <paramref name="word"/>, its stem (fallback), or the word itself.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="word"/> is null.</exception>
    public string Lemmatize(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (Lexicon.TryGetLemma(word, out string? lemma))
            return lemma;
        return _fallback is null ? word : _fallback.Stem(word);
    }

    internal Stemmer? FallbackStemmer => _fallback;
}
