namespace Microsoft.ML.Recurrent.NGram.Estimation;

/// <summary>
/// Keeps the most frequent words of a corpus and maps the others to the unknown word (id 0) before counting, so the
/// model learns where unknown words occur. Kept words keep their relative order of first appearance.
/// </summary>
internal static class VocabularyLimit
{
    public static TokenizedCorpus Apply(TokenizedCorpus corpus, int maxWords)
    {
        int vocabulary = corpus.VocabularySize;
        int ordinary = vocabulary - 3;
        if (ordinary <= maxWords) return corpus;

        var frequency = new long[vocabulary];
        var tokens = corpus.Tokens;
        for (int i = 0; i < corpus.Length; i++) frequency[tokens[i]]++;

        // Rank ordinary words by descending frequency, ties by id (= first appearance).
        var ranked = new int[ordinary];
        for (int i = 0; i < ordinary; i++) ranked[i] = i + 3;
        Array.Sort(ranked, (a, b) => frequency[a] != frequency[b] ? frequency[b].CompareTo(frequency[a]) : a.CompareTo(b));
        var keep = new bool[vocabulary];
        keep[0] = keep[1] = keep[2] = true;
        for (int i = 0; i < maxWords; i++) keep[ranked[i]] = true;

        var newId = new int[vocabulary];
        var words = new string[maxWords + 3];
        int next = 0;
        for (int id = 0; id < vocabulary; id++)
        {
            if (keep[id])
            {
                newId[id] = next;
                words[next++] = corpus.Words[id];
            }
        }
        var mapped = new int[corpus.Length];
        for (int i = 0; i < corpus.Length; i++)
        {
            int id = tokens[i];
            mapped[i] = keep[id] ? newId[id] : TokenizedCorpus.UnknownId;
        }
        return new TokenizedCorpus(mapped, corpus.Length, words, corpus.SentenceCount, corpus.WordCount);
    }
}
