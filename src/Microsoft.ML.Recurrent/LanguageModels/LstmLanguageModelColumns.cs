namespace Microsoft.ML.Recurrent.LanguageModels;

/// <summary>Column names and prediction settings of <see cref="LstmLanguageModelTransformer"/> (saved in model.zip).</summary>
public sealed class LstmLanguageModelColumns
{
    /// <summary>The input column: text (tokenized at the model's level), a vector of tokens, or a vector of UInt32 keys
    /// (read as the text of their <c>KeyValues</c>; key 0 as <c>&lt;unk&gt;</c>). Default "Text".</summary>
    public string InputColumnName { get; init; } = "Text";

    /// <summary>Single: log-probability of the row as a sentence (its tokens and the end of line), nats. Default "Score".</summary>
    public string ScoreColumnName { get; init; } = "Score";

    /// <summary>Single: exp(−Score / tokens scored). Default "Perplexity".</summary>
    public string PerplexityColumnName { get; init; } = "Perplexity";

    /// <summary>Vector of text: the k most likely tokens after the row. Default "NextTokens".</summary>
    public string NextTokensColumnName { get; init; } = "NextTokens";

    /// <summary>Vector of Single: their probabilities. Default "NextTokenProbabilities".</summary>
    public string NextTokenProbabilitiesColumnName { get; init; } = "NextTokenProbabilities";

    /// <summary>Text: the completion of the row's partial last word (or its most likely next word). Default "Completion".</summary>
    public string CompletionColumnName { get; init; } = "Completion";

    /// <summary>Text: a continuation of <see cref="GeneratedTokens"/> tokens. Default "Generated".</summary>
    public string GeneratedColumnName { get; init; } = "Generated";

    /// <summary>k of the next-token columns, ≥ 1. Default 5.</summary>
    public int NextTokenCount { get; init; } = 5;

    /// <summary>Tokens generated per row into the Generated column; 0 leaves the column out. ≥ 0. Default 0.</summary>
    public int GeneratedTokens { get; init; }

    /// <summary>Sampling temperature of the Generated column (0 = greedy). ≥ 0. Default 0.</summary>
    public float Temperature { get; init; }

    /// <summary>Seed of the Generated column's sampling (each row restarts from it, so a row always gives the same
    /// text). Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>Checks every value; throws naming the setting.</summary>
    /// <exception cref="ArgumentException">A name is empty or a value out of range.</exception>
    public void Validate()
    {
        foreach (var (value, name) in new[]
        {
            (InputColumnName, nameof(InputColumnName)), (ScoreColumnName, nameof(ScoreColumnName)),
            (PerplexityColumnName, nameof(PerplexityColumnName)), (NextTokensColumnName, nameof(NextTokensColumnName)),
            (NextTokenProbabilitiesColumnName, nameof(NextTokenProbabilitiesColumnName)),
            (CompletionColumnName, nameof(CompletionColumnName)), (GeneratedColumnName, nameof(GeneratedColumnName)),
        })
        {
            if (string.IsNullOrEmpty(value))
            {
                throw new ArgumentException($"{name} must be a non-empty column name.", name);
            }
        }
        if (NextTokenCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(NextTokenCount), NextTokenCount, "NextTokenCount must be at least 1.");
        }
        if (GeneratedTokens < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(GeneratedTokens), GeneratedTokens, "GeneratedTokens must be >= 0.");
        }
        if (!(Temperature >= 0f) || !float.IsFinite(Temperature))
        {
            throw new ArgumentOutOfRangeException(nameof(Temperature), Temperature, "Temperature must be finite and >= 0.");
        }
    }
}
