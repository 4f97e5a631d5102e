namespace Microsoft.ML.Recurrent.NGram;

/// <summary>Settings of <see cref="NGramLanguageModel.Generate(string, NGramGenerationOptions?)"/>.</summary>
public sealed class NGramGenerationOptions
{
    /// <summary>Default <see cref="MaxTokens"/>: 50 words.</summary>
    public const int DefaultMaxTokens = 50;

    /// <summary>Largest number of words generated (not counting the prompt; <c>&lt;/s&gt;</c> counts when it is emitted). Default 50; at least 1.</summary>
    public int MaxTokens { get; init; } = DefaultMaxTokens;

    /// <summary>
    /// Softmax temperature: probabilities are raised to 1/T and renormalized. 1 (default) samples the model's
    /// distribution; below 1 is more conservative; 0 means greedy (always the most probable word). Range [0, 100].
    /// </summary>
    public float Temperature { get; init; } = 1f;

    /// <summary>Sample only among the k most probable next words; 0 (default) = the whole vocabulary.</summary>
    public int TopK { get; init; }

    /// <summary>Nucleus sampling: keep the most probable words whose mass first reaches p. Default 1 (no cut); range (0, 1].</summary>
    public float TopP { get; init; } = 1f;

    /// <summary>Seed of the random generator; the same seed, model and prompt give the same text. Default null: a random seed.</summary>
    public int? Seed { get; init; }

    /// <summary>Stop at the first <c>&lt;/s&gt;</c> (default true). When false, a new sentence starts after it until <see cref="MaxTokens"/>.</summary>
    public bool StopAtEndOfSentence { get; init; } = true;

    /// <summary>Throws naming the first invalid option, its value and the allowed range.</summary>
    public void Validate()
    {
        if (MaxTokens < 1) throw new ArgumentOutOfRangeException(nameof(MaxTokens), MaxTokens, $"NGramGenerationOptions.MaxTokens must be >= 1; got {MaxTokens}.");
        if (!(Temperature >= 0f && Temperature <= 100f)) throw new ArgumentOutOfRangeException(nameof(Temperature), Temperature, $"NGramGenerationOptions.Temperature must be in [0, 100]; got {Temperature}.");
        if (TopK < 0) throw new ArgumentOutOfRangeException(nameof(TopK), TopK, $"NGramGenerationOptions.TopK must be >= 0 (0 = no limit); got {TopK}.");
        if (!(TopP > 0f && TopP <= 1f)) throw new ArgumentOutOfRangeException(nameof(TopP), TopP, $"NGramGenerationOptions.TopP must be in (0, 1]; got {TopP}.");
    }
}
