namespace Microsoft.ML.Recurrent.NGram;

/// <summary>
/// The score of a text under an <see cref="NGramLanguageModel"/>, counted as KenLM's <c>query</c> counts: every word
/// and one <c>&lt;/s&gt;</c> per sentence are tokens; <c>&lt;s&gt;</c> is context only.
/// </summary>
public sealed record NGramEvaluation
{
    /// <summary>Σ log10 p over all tokens, OOVs included.</summary>
    public required double Log10Probability { get; init; }

    /// <summary>Σ log10 p over the tokens that are not OOVs.</summary>
    public required double Log10ProbabilityExcludingOov { get; init; }

    /// <summary>Tokens scored: words plus one <c>&lt;/s&gt;</c> per sentence.</summary>
    public required long Tokens { get; init; }

    /// <summary>Words outside the vocabulary (scored with p(unknown word)).</summary>
    public required long OovCount { get; init; }

    /// <summary>Sentences (lines) scored.</summary>
    public required long Sentences { get; init; }

    /// <summary>10^(−Σ log10 p / tokens), OOVs included; NaN for no tokens.</summary>
    public double Perplexity => Tokens == 0 ? double.NaN : Math.Pow(10, -Log10Probability / Tokens);

    /// <summary>The same without the OOV tokens' terms and counts; NaN when every token is an OOV.</summary>
    public double PerplexityExcludingOov => Tokens == OovCount ? double.NaN : Math.Pow(10, -Log10ProbabilityExcludingOov / (Tokens - OovCount));

    /// <summary>Natural-log probability of the text (Σ log10 p · ln 10).</summary>
    public double LogProbability => Log10Probability * Math.Log(10);
}
