namespace Microsoft.ML.Recurrent.Text;

/// <summary>Settings of <see cref="VocabularyBuilder"/> and the vocabulary step (<c>MapTokensToKeys</c>).</summary>
public sealed class VocabularyOptions
{
    /// <summary>Default of <see cref="MinimumCount"/>: 1 (every token seen).</summary>
    public const int DefaultMinimumCount = 1;

    /// <summary>Default of <see cref="MaximumSize"/>: 1,000,000, ML.NET's default <c>maximumNumberOfKeys</c>.</summary>
    public const int DefaultMaximumSize = 1_000_000;

    /// <summary>A token enters the vocabulary only if it occurs at least this many times (≥ 1). Default 1.</summary>
    public int MinimumCount { get; init; } = DefaultMinimumCount;

    /// <summary>
    /// Largest number of tokens, special tokens included (≥ number of special tokens). The most frequent tokens
    /// are kept; the others map to <c>&lt;unk&gt;</c>. Default 1,000,000.
    /// </summary>
    public int MaximumSize { get; init; } = DefaultMaximumSize;

    /// <summary>Special tokens placed first, in this order. Default <see cref="Vocabulary.DefaultSpecialTokens"/>.</summary>
    public IReadOnlyList<string> SpecialTokens { get; init; } = Vocabulary.DefaultSpecialTokens;

    /// <summary>The special token that unknown tokens map to, or null to map them to key 0 (missing). Default <c>&lt;unk&gt;</c>.</summary>
    public string? UnknownToken { get; init; } = Vocabulary.UnknownToken;

    /// <summary>Checks the settings; the message names the option, the value and the allowed range.</summary>
    /// <exception cref="ArgumentException">A setting is out of range or inconsistent.</exception>
    public void Validate()
    {
        if (MinimumCount < 1)
            throw new ArgumentOutOfRangeException(nameof(MinimumCount), MinimumCount, "MinimumCount must be at least 1.");
        ArgumentNullException.ThrowIfNull(SpecialTokens, nameof(SpecialTokens));
        if (MaximumSize < Math.Max(1, SpecialTokens.Count))
            throw new ArgumentOutOfRangeException(nameof(MaximumSize), MaximumSize, $"MaximumSize must be at least 1 and hold the {SpecialTokens.Count} special tokens.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < SpecialTokens.Count; i++)
        {
            if (string.IsNullOrEmpty(SpecialTokens[i]) || !seen.Add(SpecialTokens[i]))
                throw new ArgumentException($"SpecialTokens[{i}] '{SpecialTokens[i]}' is empty or repeated.", nameof(SpecialTokens));
        }
        if (UnknownToken is not null && !seen.Contains(UnknownToken))
            throw new ArgumentException($"UnknownToken '{UnknownToken}' must be one of the SpecialTokens ({string.Join(", ", SpecialTokens)}).", nameof(UnknownToken));
    }
}
