namespace Microsoft.ML.Recurrent.Translation;

/// <summary>How <see cref="Seq2SeqModel"/> searches for a translation.</summary>
public sealed class TranslationOptions
{
    /// <summary>Default <see cref="BeamWidth"/>: 1 (greedy).</summary>
    public const int DefaultBeamWidth = 1;

    /// <summary>Default <see cref="LengthPenalty"/>: 0.6 (Wu et al. 2016, GNMT).</summary>
    public const float DefaultLengthPenalty = 0.6f;

    /// <summary>Hypotheses kept per step; 1 is greedy search. ≥ 1. Default 1.</summary>
    public int BeamWidth { get; init; } = DefaultBeamWidth;

    /// <summary>
    /// α of GNMT's length normalization: a finished hypothesis scores log p(y|x) / (((5 + |y|) / 6)^α); 0 ranks by
    /// log-probability alone (favouring short outputs). Used by beam search only. ≥ 0. Default 0.6.
    /// </summary>
    public float LengthPenalty { get; init; } = DefaultLengthPenalty;

    /// <summary>The output may have at most MaxLengthRatio × (source tokens) + <see cref="MaxLengthOffset"/> tokens. &gt; 0. Default 2.</summary>
    public float MaxLengthRatio { get; init; } = 2f;

    /// <summary>See <see cref="MaxLengthRatio"/>. ≥ 0. Default 10 tokens.</summary>
    public int MaxLengthOffset { get; init; } = 10;

    /// <summary>Number of translations returned, best first (n-best list); at most <see cref="BeamWidth"/>. ≥ 1. Default 1.</summary>
    public int NBest { get; init; } = 1;

    /// <summary>
    /// Longest source accepted, in tokens (without the end-of-sentence token); null means the longest source seen in
    /// training. A longer source is rejected with an error naming both lengths, since the model has never been
    /// trained on one. Default null.
    /// </summary>
    public int? MaxSourceTokens { get; init; }

    internal void Validate()
    {
        if (BeamWidth < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(BeamWidth), BeamWidth, "TranslationOptions.BeamWidth must be at least 1.");
        }
        if (!(LengthPenalty >= 0f) || !float.IsFinite(LengthPenalty))
        {
            throw new ArgumentOutOfRangeException(nameof(LengthPenalty), LengthPenalty, "TranslationOptions.LengthPenalty must be finite and >= 0.");
        }
        if (!(MaxLengthRatio > 0f) || !float.IsFinite(MaxLengthRatio))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxLengthRatio), MaxLengthRatio, "TranslationOptions.MaxLengthRatio must be finite and > 0.");
        }
        if (MaxLengthOffset < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxLengthOffset), MaxLengthOffset, "TranslationOptions.MaxLengthOffset must be >= 0.");
        }
        if (NBest < 1 || NBest > BeamWidth)
        {
            throw new ArgumentOutOfRangeException(nameof(NBest), NBest, $"TranslationOptions.NBest must be in [1, BeamWidth = {BeamWidth}].");
        }
        if (MaxSourceTokens is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxSourceTokens), MaxSourceTokens, "TranslationOptions.MaxSourceTokens must be >= 0.");
        }
    }
}
