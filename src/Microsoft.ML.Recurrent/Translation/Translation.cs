namespace Microsoft.ML.Recurrent.Translation;

/// <summary>One translation of a source sentence, with its score and where the model looked.</summary>
public sealed class Translation
{
    internal Translation(string text, string[] tokens, string[] sourceTokens, double logProbability, double score,
        float[,] attention, IReadOnlyList<Translation> alternatives)
    {
        Text = text;
        Tokens = tokens;
        SourceTokens = sourceTokens;
        LogProbability = logProbability;
        Score = score;
        Attention = attention;
        Alternatives = alternatives;
    }

    /// <summary>The translated sentence (tokens joined as the target tokenization says).</summary>
    public string Text { get; }

    /// <summary>The output tokens, without the end-of-sentence token.</summary>
    public IReadOnlyList<string> Tokens { get; }

    /// <summary>The source tokens as the model saw them (unknown ones as <c>&lt;unk&gt;</c>), without the end-of-sentence token.</summary>
    public IReadOnlyList<string> SourceTokens { get; }

    /// <summary>Natural log of p(output, end of sentence | source).</summary>
    public double LogProbability { get; }

    /// <summary>The search's ranking score: <see cref="LogProbability"/> for greedy search, length-normalized for beam search.</summary>
    public double Score { get; }

    /// <summary>
    /// Attention weights [target position, source position]: one row per output token plus one for the end of
    /// sentence, one column per source token plus one for the source's end of sentence. Each row sums to 1.
    /// Empty (0 × 0) for a model without attention.
    /// </summary>
    public float[,] Attention { get; }

    /// <summary>The n-best list, best first (this translation is the first); a single element unless NBest &gt; 1.</summary>
    public IReadOnlyList<Translation> Alternatives { get; }
}
