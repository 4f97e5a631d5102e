namespace Microsoft.ML.Recurrent.NGram;

/// <summary>
/// How an <see cref="NGramLanguageModel"/> turns counts into probabilities. Serialized by name in model files.
/// </summary>
public enum NGramSmoothing
{
    /// <summary>
    /// Interpolated modified Kneser-Ney with three discounts per order estimated from count-of-counts,
    /// exactly as KenLM's <c>lmplz</c> (Chen and Goodman 1998, eq. 26). The default; gives normalized probabilities.
    /// </summary>
    KneserNey = 0,

    /// <summary>
    /// Maximum-likelihood relative frequencies c(h w) / c(h ·) of the longest context seen in training; an unseen
    /// word backs off to the shorter context with weight 1, so scores are not normalized and an unseen
    /// unigram (such as <c>&lt;unk&gt;</c>) has probability 0. Meant for sampling from the counts.
    /// </summary>
    MaximumLikelihood = 1,

    /// <summary>
    /// Add-k (Lidstone): (c(h w) + k) / (c(h ·) + k·|V|) for the longest context h seen in training
    /// (<see cref="NGramOptions.AddK"/>). Normalized for each context; not expressible in ARPA.
    /// </summary>
    AddK = 2,

    /// <summary>
    /// Stupid Backoff (Brants et al. 2007): c(h w) / c(h ·) when seen, otherwise α times the score of the shorter
    /// context (<see cref="NGramOptions.StupidBackoffAlpha"/>). Cheap for very large corpora; scores are not probabilities.
    /// </summary>
    StupidBackoff = 3,
}
