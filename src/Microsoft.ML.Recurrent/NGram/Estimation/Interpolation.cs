namespace Microsoft.ML.Recurrent.NGram.Estimation;

/// <summary>
/// Stage 4: interpolate each order with the next lower one and write log10 probabilities and back-offs.
/// <para>Input: <see cref="InitialProbabilities"/> and the counts' context/suffix links. Output: a
/// <see cref="NGramModelData"/> (pruned n-grams removed).</para>
/// <para>p(w|h) = u(h w) + γ(h)·p(w|h′), where h′ drops the first word of h; unigrams interpolate with 1/|V|, |V|
/// counting the unknown word but not <c>&lt;s&gt;</c>. The back-off of an n-gram is log10 γ of it as a context;
/// n-grams ending in <c>&lt;/s&gt;</c> or the unknown word and highest-order n-grams have none (0). As KenLM:
/// single precision, log10 probabilities capped at 0.</para>
/// </summary>
internal static class Interpolation
{
    public static NGramModelData Run(CountedCorpus counted, InitialProbabilities initial, NGramOptions options)
    {
        int order = counted.Order;
        int vocabulary = counted.VocabularySize;
        // KenLM computes 1.0 / float(|V|) in double and keeps it as float.
        float uniform = (float)(1.0 / (float)(vocabulary - 1));

        var previous = new float[vocabulary];
        var unigramProb = new float[vocabulary];
        var unigramBackoff = new float[vocabulary];
        var u = initial.Uninterpolated[0];
        for (int w = 0; w < vocabulary; w++)
        {
            float p = w == TokenizedCorpus.BeginId ? u[w] : u[w] + initial.UnigramGamma * uniform;
            previous[w] = p;
            unigramProb[w] = LogProbability(p);
            unigramBackoff[w] = order > 1 && IsContextWord(w) ? LogBackoff(initial.ContextGamma[0][w]) : 0f;
        }

        var orders = new NGramOrderData[order - 1];
        for (int k = 2; k <= order; k++)
        {
            var counts = counted.Higher[k - 2];
            var uninterpolated = initial.Uninterpolated[k - 1];
            var gamma = initial.ContextGamma[k - 2];
            var nextGamma = k < order ? initial.ContextGamma[k - 1] : null;
            var current = new float[counts.Count];
            var prob = new float[counts.Count];
            var backoff = new float[counts.Count];
            for (int g = 0; g < counts.Count; g++)
            {
                float p = uninterpolated[g] + gamma[counts.Context[g]] * previous[counts.Suffix[g]];
                current[g] = p;
                prob[g] = LogProbability(p);
                backoff[g] = nextGamma is not null && IsContextWord(counts.Word[g]) ? LogBackoff(nextGamma[g]) : 0f;
            }
            orders[k - 2] = new NGramOrderData(k, counts.Context, counts.Word, prob, backoff);
            previous = current;
        }
        var data = new NGramModelData(order, counted.Words, unigramProb, unigramBackoff, orders);
        return Pruning.RemovePruned(data, initial.Pruned);
    }

    private static bool IsContextWord(int w) => w != TokenizedCorpus.EndId && w != TokenizedCorpus.UnknownId;

    // log10f of the single-precision value, capped at 0 against rounding ("Take that IRST", says KenLM).
    private static float LogProbability(float p) => MathF.Min(0f, MathF.Log10(p));

    private static float LogBackoff(float gamma) => float.IsNaN(gamma) ? 0f : MathF.Log10(gamma);
}
