namespace Microsoft.ML.Recurrent.NGram;

/// <summary>
/// Settings of an n-gram language model estimation. All settings are validated once by
/// <see cref="Validate"/>, which names the option, the value and the allowed range.
/// </summary>
public sealed class NGramOptions
{
    /// <summary>Default <see cref="Order"/>: 3 (trigrams).</summary>
    public const int DefaultOrder = 3;

    /// <summary>Default <see cref="AddK"/>: 1 (Laplace).</summary>
    public const float DefaultAddK = 1f;

    /// <summary>Default <see cref="StupidBackoffAlpha"/>: 0.4, the value of Brants et al. (2007).</summary>
    public const float DefaultStupidBackoffAlpha = 0.4f;

    /// <summary>Default <see cref="UnknownWord"/>: <c>&lt;unk&gt;</c>, as KenLM and SRILM spell it.</summary>
    public const string DefaultUnknownWord = "<unk>";

    /// <summary>Largest accepted <see cref="Order"/>: 16 words (the estimation packs n-gram indices, not words, so this is a sanity bound).</summary>
    public const int MaxOrder = 16;

    /// <summary>Length of the longest n-gram, in words (1 = unigrams). Default <see cref="DefaultOrder"/>; range 1..<see cref="MaxOrder"/>.</summary>
    public int Order { get; init; } = DefaultOrder;

    /// <summary>How counts become probabilities. Default <see cref="NGramSmoothing.KneserNey"/>.</summary>
    public NGramSmoothing Smoothing { get; init; } = NGramSmoothing.KneserNey;

    /// <summary>The k of <see cref="NGramSmoothing.AddK"/>, added to every count. Default 1; must be &gt; 0 and finite.</summary>
    public float AddK { get; init; } = DefaultAddK;

    /// <summary>The back-off factor α of <see cref="NGramSmoothing.StupidBackoff"/>. Default 0.4; range (0, 1].</summary>
    public float StupidBackoffAlpha { get; init; } = DefaultStupidBackoffAlpha;

    /// <summary>
    /// Count pruning, as KenLM's <c>--prune</c>: entry i is the threshold of order i+1; an n-gram whose raw count is
    /// at most the threshold is left out of the model and its probability mass goes to the back-off weight of its
    /// context. Entries must not decrease with the order, and the unigram entry must be 0 (use
    /// <see cref="MaxVocabularySize"/> to drop rare words). A shorter array repeats its last entry for higher orders.
    /// Default: empty (no pruning).
    /// </summary>
    public IReadOnlyList<int> PruneThresholds { get; init; } = [];

    /// <summary>
    /// Largest number of distinct corpus words kept (not counting <c>&lt;unk&gt;</c>, <c>&lt;s&gt;</c>, <c>&lt;/s&gt;</c>);
    /// rarer words become <see cref="UnknownWord"/> before counting (ties keep the earlier first occurrence).
    /// Default 0: no limit.
    /// </summary>
    public int MaxVocabularySize { get; init; }

    /// <summary>
    /// Spelling of the model's unknown-word entry (vocabulary id 0). A corpus token with this spelling is mapped to
    /// it; a corpus that uses <c>&lt;unk&gt;</c> as an ordinary word (the PTB files, to match KenLM run on a renamed copy)
    /// can set another spelling here. Default <c>&lt;unk&gt;</c>.
    /// </summary>
    public string UnknownWord { get; init; } = DefaultUnknownWord;

    /// <summary>
    /// When modified Kneser-Ney discounts cannot be estimated for an order (a count-of-counts is zero, typical of tiny or
    /// artificial data), use these D1, D2, D3+ instead of failing, like KenLM's <c>--discount_fallback</c> (whose values
    /// are 0.5, 1, 1.5). Default null: fail with an explanation.
    /// </summary>
    public IReadOnlyList<float>? DiscountFallback { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option, its value and the allowed range.</summary>
    public void Validate()
    {
        if (Order < 1 || Order > MaxOrder)
            throw new ArgumentOutOfRangeException(nameof(Order), Order, $"NGramOptions.Order must be in 1..{MaxOrder}; got {Order}.");
        if (!Enum.IsDefined(Smoothing))
            throw new ArgumentOutOfRangeException(nameof(Smoothing), Smoothing, $"NGramOptions.Smoothing {(int)Smoothing} is not a known smoothing.");
        if (!(AddK > 0) || !float.IsFinite(AddK))
            throw new ArgumentOutOfRangeException(nameof(AddK), AddK, $"NGramOptions.AddK must be positive and finite; got {AddK}.");
        if (!(StupidBackoffAlpha > 0) || StupidBackoffAlpha > 1)
            throw new ArgumentOutOfRangeException(nameof(StupidBackoffAlpha), StupidBackoffAlpha, $"NGramOptions.StupidBackoffAlpha must be in (0, 1]; got {StupidBackoffAlpha}.");
        if (MaxVocabularySize < 0)
            throw new ArgumentOutOfRangeException(nameof(MaxVocabularySize), MaxVocabularySize, $"NGramOptions.MaxVocabularySize must be >= 0 (0 = no limit); got {MaxVocabularySize}.");
        if (string.IsNullOrEmpty(UnknownWord) || UnknownWord.AsSpan().IndexOfAny(" \t\r\n\0") >= 0 || UnknownWord is "<s>" or "</s>")
            throw new ArgumentException($"NGramOptions.UnknownWord must be a non-empty word without white space, other than <s> and </s>; got '{UnknownWord}'.", nameof(UnknownWord));
        var prune = PruneThresholds ?? throw new ArgumentNullException(nameof(PruneThresholds));
        for (int i = 0; i < prune.Count; i++)
        {
            if (prune[i] < 0)
                throw new ArgumentOutOfRangeException(nameof(PruneThresholds), prune[i], $"NGramOptions.PruneThresholds[{i}] must be >= 0; got {prune[i]}.");
            if (i > 0 && prune[i] < prune[i - 1])
                throw new ArgumentException($"NGramOptions.PruneThresholds must not decrease with the order (a kept n-gram needs its shorter parts); entry {i} is {prune[i]} after {prune[i - 1]}.", nameof(PruneThresholds));
        }
        if (prune.Count > 0 && prune[0] != 0)
            throw new ArgumentException($"NGramOptions.PruneThresholds[0] (unigrams) must be 0; got {prune[0]}. Use MaxVocabularySize to drop rare words.", nameof(PruneThresholds));
        if (DiscountFallback is { } fb)
        {
            if (fb.Count != 3)
                throw new ArgumentException($"NGramOptions.DiscountFallback must hold three values D1, D2, D3+; got {fb.Count}.", nameof(DiscountFallback));
            for (int j = 0; j < 3; j++)
                if (!(fb[j] >= 0) || fb[j] > j + 1)
                    throw new ArgumentOutOfRangeException(nameof(DiscountFallback), fb[j], $"NGramOptions.DiscountFallback[{j}] (D{j + 1}) must be in [0, {j + 1}]; got {fb[j]}.");
        }
    }

    /// <summary>The pruning threshold of an order (1-based), repeating the last entry for higher orders.</summary>
    internal int PruneThreshold(int order) =>
        PruneThresholds.Count == 0 ? 0 : PruneThresholds[Math.Min(order - 1, PruneThresholds.Count - 1)];
}
