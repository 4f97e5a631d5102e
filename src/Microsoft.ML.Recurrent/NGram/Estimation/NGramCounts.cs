namespace Microsoft.ML.Recurrent.NGram.Estimation;

/// <summary>
/// The n-grams of one order n ≥ 2 as parallel arrays, sorted by (context index, last word) so that all n-grams sharing
/// a context are contiguous ("context order"). An n-gram w1…wn is stored as the index of its context w1…w(n−1) in
/// order n−1 plus its last word; its suffix w2…wn is the index <see cref="Suffix"/> in order n−1. For order 1 the index
/// of a unigram is its word id. No strings, no per-n-gram objects.
/// </summary>
internal sealed class NGramCounts
{
    public NGramCounts(int order, int count)
    {
        Order = order;
        Count = count;
        Context = new int[count];
        Word = new int[count];
        Suffix = new int[count];
        FirstWord = new int[count];
        Raw = new int[count];
        Adjusted = new int[count];
    }

    public int Order { get; }

    public int Count { get; }

    /// <summary>Index of w1…w(n−1) in order n−1 (a word id when n = 2).</summary>
    public int[] Context { get; }

    /// <summary>The last word wn.</summary>
    public int[] Word { get; }

    /// <summary>Index of w2…wn in order n−1 (a word id when n = 2).</summary>
    public int[] Suffix { get; }

    /// <summary>The first word w1 (to tell n-grams that start with <c>&lt;s&gt;</c>, and to key the query tables).</summary>
    public int[] FirstWord { get; }

    /// <summary>How often the n-gram occurs in the corpus.</summary>
    public int[] Raw { get; }

    /// <summary>The count estimation uses: Kneser-Ney's adjusted count for lower orders, the raw count otherwise (filled by stage 2).</summary>
    public int[] Adjusted { get; }
}
