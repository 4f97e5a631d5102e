using Microsoft.ML.Recurrent.Text.Stemming;

namespace Microsoft.ML.Recurrent.Text.Lemmatization;

/// <summary>Maps a word to its lemma (the lexicon's immutable string), its stem, or itself.</summary>
internal readonly struct LemmatizingWordMapper : IWordMapper
{
    private readonly LemmaLexicon _lexicon;
    private readonly Stemmer? _fallback;

    public LemmatizingWordMapper(Lemmatizer lemmatizer)
    {
        _lexicon = lemmatizer.Lexicon;
        _fallback = lemmatizer.FallbackStemmer;
    }

    public ReadOnlyMemory<char> Map(ReadOnlyMemory<char> word, ref char[] scratch)
    {
        if (_lexicon.TryGetLemma(word.Span, out string? lemma))
            return lemma.AsMemory();
        return _fallback is null ? word : new StemmingWordMapper(_fallback).Map(word, ref scratch);
    }
}
