namespace Microsoft.ML.Recurrent.NGram.Estimation;

/// <summary>
/// Stages 3–4 for the count-based smoothings (maximum likelihood, add-k, Stupid Backoff), which use raw counts.
/// <para>For a context h with total c(h ·) = Σ_w c(h w): maximum likelihood and Stupid Backoff store c(h w)/c(h ·);
/// add-k stores (c(h w) + k)/(c(h ·) + k·|V|). The back-off of a context is log10 1 (maximum likelihood), log10 α
/// (Stupid Backoff), or, for add-k, log10 of the probability k/(c(h ·) + k·|V|) of an unseen word, which scoring
/// uses directly instead of recursing. |V| counts the unknown word but not <c>&lt;s&gt;</c>. Pruned n-grams are dropped.</para>
/// </summary>
internal static class RelativeFrequencies
{
    public static NGramModelData Run(CountedCorpus counted, NGramOptions options)
    {
        int order = counted.Order;
        int vocabulary = counted.VocabularySize;
        double k = options.AddK;
        double v = vocabulary - 1;
        var smoothing = options.Smoothing;

        var unigramProb = new float[vocabulary];
        var unigramBackoff = new float[vocabulary];
        long total = 0;
        for (int w = 0; w < vocabulary; w++) total += counted.UnigramRaw[w];
        for (int w = 0; w < vocabulary; w++)
        {
            double c = counted.UnigramRaw[w];
            unigramProb[w] = w == TokenizedCorpus.BeginId ? 0f
                : smoothing == NGramSmoothing.AddK ? (float)Math.Log10((c + k) / (total + k * v))
                : (float)Math.Log10(c / total);
        }

        var higher = new NGramOrderData[Math.Max(order - 1, 0)];
        var pruned = new bool[order][];
        pruned[0] = new bool[vocabulary];
        float[] contextBackoff = unigramBackoff;
        for (int n = 2; n <= order; n++)
        {
            var counts = counted.Higher[n - 2];
            var prob = new float[counts.Count];
            var backoff = new float[counts.Count];
            int threshold = options.PruneThreshold(n);
            var mask = new bool[counts.Count];
            int start = 0;
            while (start < counts.Count)
            {
                int h = counts.Context[start];
                int end = start;
                long contextTotal = 0;
                for (; end < counts.Count && counts.Context[end] == h; end++) contextTotal += counts.Raw[end];
                contextBackoff[h] = smoothing switch
                {
                    NGramSmoothing.StupidBackoff => (float)Math.Log10(options.StupidBackoffAlpha),
                    NGramSmoothing.AddK => (float)Math.Log10(k / (contextTotal + k * v)),
                    _ => 0f,
                };
                for (int g = start; g < end; g++)
                {
                    double c = counts.Raw[g];
                    prob[g] = smoothing == NGramSmoothing.AddK
                        ? (float)Math.Log10((c + k) / (contextTotal + k * v))
                        : (float)Math.Log10(c / contextTotal);
                    mask[g] = threshold > 0 && counts.Raw[g] <= threshold;
                }
                start = end;
            }
            higher[n - 2] = new NGramOrderData(n, counts.Context, counts.Word, prob, backoff);
            pruned[n - 1] = mask;
            contextBackoff = backoff;
        }
        var data = new NGramModelData(order, counted.Words, unigramProb, unigramBackoff, higher);
        return Pruning.RemovePruned(data, pruned);
    }
}
