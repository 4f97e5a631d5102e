namespace Microsoft.ML.Recurrent.Text;

/// <summary>Settings of <see cref="BytePairEncodingTrainer"/>.</summary>
public sealed class BytePairEncodingTrainerOptions
{
    /// <summary>Default of <see cref="VocabularySize"/>: 8,192 token ids (256 bytes + 7,936 merges).</summary>
    public const int DefaultVocabularySize = 8192;

    /// <summary>Default of <see cref="MinimumPairCount"/>: 2.</summary>
    public const int DefaultMinimumPairCount = 2;

    /// <summary>
    /// Requested number of token ids, including the 256 byte tokens; must be at least 256. Training stops earlier
    /// when no pair occurs <see cref="MinimumPairCount"/> times; <see cref="BytePairEncodingTrainer.StoppedEarly"/> says so.
    /// Default <see cref="DefaultVocabularySize"/>.
    /// </summary>
    public int VocabularySize { get; init; } = DefaultVocabularySize;

    /// <summary>A pair is merged only if it occurs at least this many times (≥ 1). Default 2.</summary>
    public int MinimumPairCount { get; init; } = DefaultMinimumPairCount;

    /// <summary>Checks the settings; the message names the option, the value and the allowed range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public void Validate()
    {
        if (VocabularySize < BytePairEncoding.ByteTokenCount)
            throw new ArgumentOutOfRangeException(nameof(VocabularySize), VocabularySize, $"VocabularySize must be at least {BytePairEncoding.ByteTokenCount} (the byte tokens).");
        if (MinimumPairCount < 1)
            throw new ArgumentOutOfRangeException(nameof(MinimumPairCount), MinimumPairCount, "MinimumPairCount must be at least 1.");
    }
}
