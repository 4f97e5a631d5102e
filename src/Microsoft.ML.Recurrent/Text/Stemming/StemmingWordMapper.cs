namespace Microsoft.ML.Recurrent.Text.Stemming;

/// <summary>Maps a word to its stem; the stem is returned as a slice of the word whenever it is a prefix of it.</summary>
internal readonly struct StemmingWordMapper : IWordMapper
{
    private readonly Stemmer _stemmer;

    public StemmingWordMapper(Stemmer stemmer) => _stemmer = stemmer;

    public ReadOnlyMemory<char> Map(ReadOnlyMemory<char> word, ref char[] scratch)
    {
        ReadOnlySpan<char> text = word.Span;
        if (text.IsEmpty)
            return word;
        int capacity = Stemmer.GetMaxStemLength(text.Length);
        if (scratch.Length < capacity)
            scratch = new char[Math.Max(capacity, scratch.Length * 2)];
        _stemmer.TryStem(text, scratch, out int length);
        ReadOnlySpan<char> stem = scratch.AsSpan(0, length);
        // Most stems are the word minus a suffix: hand out a slice of the input, no allocation.
        if (text.StartsWith(stem))
            return word[..length];
        return stem.ToArray();
    }
}
