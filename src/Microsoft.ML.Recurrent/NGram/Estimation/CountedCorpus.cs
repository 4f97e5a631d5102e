namespace Microsoft.ML.Recurrent.NGram.Estimation;

/// <summary>
/// Output of stage 1 (<see cref="NGramCounter"/>): unigram counts indexed by word id and the n-grams of orders 2..N.
/// Also remembers the n-grams that KenLM's adjust-counts stream still holds when it ends, for its count-of-counts quirk.
/// </summary>
internal sealed class CountedCorpus
{
    public CountedCorpus(int order, string[] words, int[] unigramRaw, NGramCounts[] higher, int[] lastPending, long wordCount, int sentenceCount)
    {
        Order = order;
        Words = words;
        UnigramRaw = unigramRaw;
        UnigramAdjusted = new int[unigramRaw.Length];
        Higher = higher;
        LastPending = lastPending;
        WordCount = wordCount;
        SentenceCount = sentenceCount;
    }

    public int Order { get; }

    public string[] Words { get; }

    public int VocabularySize => Words.Length;

    /// <summary>Occurrences of each word id (<c>&lt;s&gt;</c> is never counted: it is never predicted).</summary>
    public int[] UnigramRaw { get; }

    /// <summary>The count estimation uses for each unigram (filled by stage 2).</summary>
    public int[] UnigramAdjusted { get; }

    /// <summary>Orders 2..N at indices 0..N−2.</summary>
    public NGramCounts[] Higher { get; }

    /// <summary>
    /// For orders 1..N−1 (index order−1): the index of the suffix of the last highest-order window in suffix order
    /// (the n-gram still pending when KenLM's adjust-counts stream ends), or −1 where that window has no such suffix.
    /// </summary>
    public int[] LastPending { get; }

    public long WordCount { get; }

    public int SentenceCount { get; }

    /// <summary>Number of n-grams of an order (1-based).</summary>
    public int CountOf(int order) => order == 1 ? UnigramRaw.Length : Higher[order - 2].Count;
}
