namespace Microsoft.ML.Recurrent.LanguageModels;

/// <summary>How <see cref="RecurrentLanguageModel.Generate(string, GenerationOptions?)"/> picks each token.</summary>
public sealed class GenerationOptions
{
    /// <summary>Tokens to generate, ≥ 0. Default 50.</summary>
    public int MaxTokens { get; init; } = 50;

    /// <summary>Divides the logits before the softmax: below 1 sharper, above 1 flatter; 0 is greedy (always the most
    /// likely token). ≥ 0. Default 1.</summary>
    public float Temperature { get; init; } = 1f;

    /// <summary>Sample only among the k most likely tokens; 0 keeps all. ≥ 0. Default 0.</summary>
    public int TopK { get; init; }

    /// <summary>Nucleus sampling (Holtzman et al. 2020): sample within the smallest set of most likely tokens whose
    /// probability reaches p; 1 keeps all. In (0, 1]. Default 1.</summary>
    public float TopP { get; init; } = 1f;

    /// <summary>Seed of the sampling. Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>Stop after producing the end-of-line token (<c>&lt;eos&gt;</c>, or "\n" for characters). Default false.</summary>
    public bool StopAtEndOfLine { get; init; }

    /// <summary>Never produce the unknown token <c>&lt;unk&gt;</c>. Default false.</summary>
    public bool SuppressUnknown { get; init; }

    /// <summary>Greedy decoding.</summary>
    public static GenerationOptions Greedy { get; } = new() { Temperature = 0f };

    /// <summary>Checks every value; throws naming the option, the value and the allowed range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        if (MaxTokens < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxTokens), MaxTokens, "MaxTokens must be >= 0.");
        }
        if (!(Temperature >= 0f) || !float.IsFinite(Temperature))
        {
            throw new ArgumentOutOfRangeException(nameof(Temperature), Temperature, "Temperature must be finite and >= 0 (0 = greedy).");
        }
        if (TopK < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(TopK), TopK, "TopK must be >= 0 (0 = all tokens).");
        }
        if (!(TopP > 0f && TopP <= 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(TopP), TopP, "TopP must be in (0, 1].");
        }
    }
}
