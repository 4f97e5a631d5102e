namespace Microsoft.ML.Recurrent.NGram.Estimation;

/// <summary>
/// Stage 3: adjusted counts + discounts → discounted probabilities before interpolation, and the back-off mass of
/// every context.
/// <para>Input: a <see cref="CountedCorpus"/> with adjusted counts (stage 2), the discounts of each order and the
/// pruning thresholds. Output: for each n-gram (a(h w) − D(a(h w))) / Σ_w' a(h w'), and for each context h
/// γ(h) = (D1·N1(h·) + D2·N2(h·) + D3+·N3+(h·) + pruned mass) / Σ_w' a(h w') (Chen and Goodman, p. 20).</para>
/// <para>Everything is single precision in KenLM's order of operations. Pruned n-grams (raw count at most the
/// order's threshold) stay in the denominator, their whole count goes to γ and they do not count in N1..N3+,
/// as in KenLM. The empty context's γ spreads over the uniform distribution; <c>&lt;s&gt;</c> gets probability 1
/// so that it can be "scored" as a context without effect, like KenLM.</para>
/// </summary>
internal sealed class InitialProbabilities
{
    private InitialProbabilities(int order)
    {
        Uninterpolated = new float[order][];
        ContextGamma = new float[order][];
        Pruned = new bool[order][];
    }

    /// <summary>Probability before interpolation, [order−1][index].</summary>
    public float[][] Uninterpolated { get; }

    /// <summary>γ of each n-gram as a context of the next order, [order−1][index]; NaN where it is not a context.</summary>
    public float[][] ContextGamma { get; }

    /// <summary>γ of the empty context (the weight of the uniform distribution in the unigrams).</summary>
    public float UnigramGamma { get; private set; }

    /// <summary>Whether each n-gram is pruned, [order−1][index]; all false for unigrams.</summary>
    public bool[][] Pruned { get; }

    public static InitialProbabilities Compute(CountedCorpus counted, KneserNeyDiscounts[] discounts, NGramOptions options)
    {
        int order = counted.Order;
        var result = new InitialProbabilities(order);

        // Unigrams: one context (the empty one).
        int vocabulary = counted.VocabularySize;
        var adjusted = counted.UnigramAdjusted;
        long denominator = 0;
        var n = new long[4];
        for (int w = 0; w < vocabulary; w++)
        {
            denominator += adjusted[w];
            if (adjusted[w] > 0) n[Math.Min(adjusted[w], 3)]++;
        }
        var d = discounts[0];
        float unigramDenominator = denominator;
        float gamma = Gamma(d, n, 0, unigramDenominator);
        result.UnigramGamma = gamma;
        var uninterpolated = new float[vocabulary];
        for (int w = 0; w < vocabulary; w++)
            uninterpolated[w] = d.Apply(adjusted[w]) / unigramDenominator;
        uninterpolated[TokenizedCorpus.BeginId] = 1f;
        result.Uninterpolated[0] = uninterpolated;
        result.Pruned[0] = new bool[vocabulary];

        for (int k = 2; k <= order; k++)
        {
            var counts = counted.Higher[k - 2];
            int threshold = options.PruneThreshold(k);
            var pruned = new bool[counts.Count];
            if (threshold > 0)
                for (int g = 0; g < counts.Count; g++) pruned[g] = counts.Raw[g] <= threshold;
            result.Pruned[k - 1] = pruned;

            var contextGamma = new float[counted.CountOf(k - 1)];
            Array.Fill(contextGamma, float.NaN);
            result.ContextGamma[k - 2] = contextGamma;

            var probabilities = new float[counts.Count];
            ComputeOrder(counts, pruned, discounts[k - 1], probabilities, contextGamma);
            result.Uninterpolated[k - 1] = probabilities;
        }
        return result;
    }

    private static void ComputeOrder(NGramCounts counts, bool[] pruned, KneserNeyDiscounts d, float[] probabilities, float[] contextGamma)
    {
        var context = counts.Context;
        var adjusted = counts.Adjusted;
        var n = new long[4];
        int start = 0;
        while (start < counts.Count)
        {
            int h = context[start];
            int end = start;
            long denominator = 0, prunedMass = 0;
            Array.Clear(n);
            for (; end < counts.Count && context[end] == h; end++)
            {
                long a = adjusted[end];
                denominator += a;
                if (pruned[end]) prunedMass += a;
                else if (a > 0) n[Math.Min(a, 3)]++;
            }
            float floatDenominator = denominator;
            contextGamma[h] = Gamma(d, n, prunedMass, floatDenominator);
            for (int g = start; g < end; g++) probabilities[g] = d.Apply(adjusted[g]) / floatDenominator;
            start = end;
        }
    }

    private static float Gamma(KneserNeyDiscounts d, long[] n, long prunedMass, float denominator)
    {
        float gamma = 0f;
        gamma += d.D1 * (float)n[1];
        gamma += d.D2 * (float)n[2];
        gamma += d.D3Plus * (float)n[3];
        gamma += (float)prunedMass;
        gamma /= denominator;
        return gamma;
    }
}
