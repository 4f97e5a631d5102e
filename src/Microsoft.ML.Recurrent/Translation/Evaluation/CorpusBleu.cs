namespace Microsoft.ML.Recurrent.Translation.Evaluation;

/// <summary>
/// Corpus-level BLEU exactly as sacreBLEU's defaults (Papineni et al. 2002; Post 2018): 13a tokenization, n-grams up
/// to 4, clipped counts summed over the corpus, brevity penalty from the summed lengths, "exp" smoothing of a zero
/// precision (the k-th zero-match order gets 1 / (2^k · total)), no effective order; cased, or lower-cased on request.
/// </summary>
/// <remarks>
/// Add sentence pairs with <see cref="Add"/>, read <see cref="Compute()"/>. One reference per sentence (the Multi30k case).
/// Lower-casing is .NET's invariant lower-casing where sacreBLEU uses Python's <c>str.lower</c>; they agree on the
/// scripts of Multi30k (Latin, German umlauts and ß).
/// </remarks>
public sealed class CorpusBleu
{
    /// <summary>Highest n-gram order (sacreBLEU's default, 4).</summary>
    public const int MaxOrder = 4;

    private readonly long[] _correct = new long[MaxOrder];
    private readonly long[] _total = new long[MaxOrder];
    private readonly Dictionary<string, int> _referenceCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _hypothesisCounts = new(StringComparer.Ordinal);
    private long _hypothesisLength;
    private long _referenceLength;

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="lowercase">True to lower-case hypothesis and reference before tokenizing (sacreBLEU <c>-lc</c>). Default false.</param>
    public CorpusBleu(bool lowercase = false)
    {
        Lowercase = lowercase;
    }

    /// <summary>Whether segments are lower-cased before tokenization.</summary>
    public bool Lowercase { get; }

    /// <summary>Number of sentence pairs added.</summary>
    public int Sentences { get; private set; }

    /// <summary>Corpus BLEU of <paramref name="hypotheses"/> against line-aligned <paramref name="references"/>.</summary>
    /// <exception cref="ArgumentException">The lists differ in length (both counts named).</exception>
    public static BleuScore Compute(IReadOnlyList<string> hypotheses, IReadOnlyList<string> references, bool lowercase = false)
    {
        ArgumentNullException.ThrowIfNull(hypotheses);
        ArgumentNullException.ThrowIfNull(references);
        if (hypotheses.Count != references.Count)
        {
            throw new ArgumentException(
                $"{hypotheses.Count} hypotheses but {references.Count} references; BLEU needs one reference per hypothesis.", nameof(references));
        }
        var bleu = new CorpusBleu(lowercase);
        for (int i = 0; i < hypotheses.Count; i++)
        {
            bleu.Add(hypotheses[i], references[i]);
        }
        return bleu.Compute();
    }

    /// <summary>Adds the statistics of one hypothesis and its reference.</summary>
    public void Add(string hypothesis, string reference)
    {
        ArgumentNullException.ThrowIfNull(hypothesis);
        ArgumentNullException.ThrowIfNull(reference);
        string[] hyp = Tokenizer13a.Tokenize(Lowercase ? hypothesis.ToLowerInvariant() : hypothesis);
        string[] refTokens = Tokenizer13a.Tokenize(Lowercase ? reference.ToLowerInvariant() : reference);
        _hypothesisLength += hyp.Length;
        _referenceLength += refTokens.Length;
        for (int n = 1; n <= MaxOrder; n++)
        {
            Count(refTokens, n, _referenceCounts);
            Count(hyp, n, _hypothesisCounts);
            long matches = 0;
            foreach (var (gram, count) in _hypothesisCounts)
            {
                // Clipping: an n-gram is credited at most as often as the reference holds it.
                if (_referenceCounts.TryGetValue(gram, out int inReference))
                {
                    matches += Math.Min(count, inReference);
                }
            }
            _correct[n - 1] += matches;
            _total[n - 1] += Math.Max(0, hyp.Length - n + 1);
        }
        Sentences++;
    }

    /// <summary>The score of everything added so far.</summary>
    public BleuScore Compute()
    {
        long c = _hypothesisLength, r = _referenceLength;
        double bp = c < r ? (c > 0 ? Math.Exp(1.0 - (double)r / c) : 0.0) : 1.0;
        var precisions = new double[MaxOrder];
        var correct = (long[])_correct.Clone();
        var total = (long[])_total.Clone();
        bool anyMatch = false;
        foreach (long m in correct)
        {
            anyMatch |= m > 0;
        }
        if (!anyMatch)
        {
            return new BleuScore(0.0, precisions, bp, c, r, correct, total);
        }
        double smooth = 1.0;
        for (int n = 0; n < MaxOrder; n++)
        {
            if (total[n] == 0)
            {
                break;   // no n-grams of this order at all: the precision stays 0 and so does BLEU (no effective order)
            }
            if (correct[n] == 0)
            {
                smooth *= 2;
                precisions[n] = 100.0 / (smooth * total[n]);
            }
            else
            {
                precisions[n] = 100.0 * correct[n] / total[n];
            }
        }
        double logSum = 0;
        foreach (double p in precisions)
        {
            logSum += p > 0 ? Math.Log(p) : -9999999999.0;   // sacreBLEU's my_log(0)
        }
        double score = bp * Math.Exp(logSum / MaxOrder);
        return new BleuScore(score, precisions, bp, c, r, correct, total);
    }

    private static void Count(string[] tokens, int n, Dictionary<string, int> counts)
    {
        counts.Clear();
        for (int i = 0; i + n <= tokens.Length; i++)
        {
            string gram = n == 1 ? tokens[i] : string.Join('\u0001', tokens, i, n);
            counts[gram] = counts.GetValueOrDefault(gram) + 1;
        }
    }
}
