namespace Microsoft.ML.Recurrent.NGram;

/// <summary>What estimation saw and decided, as <c>lmplz</c> reports it: counts per order and the discounts.</summary>
public sealed class NGramTrainingSummary
{
    internal NGramTrainingSummary(long wordCount, int sentenceCount, long[] ngramCounts, NGramDiscounts[] discounts, long[][] countOfCounts, string[] warnings)
    {
        WordCount = wordCount;
        SentenceCount = sentenceCount;
        NGramCounts = ngramCounts;
        Discounts = discounts;
        CountOfCounts = countOfCounts;
        Warnings = warnings;
    }

    /// <summary>Words in the corpus, not counting sentence markers (KenLM's "unigram tokens").</summary>
    public long WordCount { get; }

    /// <summary>Lines (sentences) in the corpus.</summary>
    public int SentenceCount { get; }

    /// <summary>Number of n-grams per order (index 0 = unigrams, counting the unknown word, <c>&lt;s&gt;</c> and <c>&lt;/s&gt;</c>), before pruning.</summary>
    public IReadOnlyList<long> NGramCounts { get; }

    /// <summary>Modified Kneser-Ney discounts per order (index 0 = unigrams); empty for other smoothings.</summary>
    public IReadOnlyList<NGramDiscounts> Discounts { get; }

    /// <summary>Count-of-counts n0..n4 per order, as used for the discounts (with KenLM's quirk).</summary>
    public IReadOnlyList<long[]> CountOfCounts { get; }

    /// <summary>Warnings (for example a discount fallback that was used).</summary>
    public IReadOnlyList<string> Warnings { get; }
}

/// <summary>The three modified Kneser-Ney discounts of one order.</summary>
/// <param name="D1">Discount of n-grams seen once.</param>
/// <param name="D2">Discount of n-grams seen twice.</param>
/// <param name="D3Plus">Discount of n-grams seen three times or more.</param>
public readonly record struct NGramDiscounts(float D1, float D2, float D3Plus);
