namespace Microsoft.ML.Recurrent.NGram.Estimation;

/// <summary>
/// Removes pruned n-grams from a finished model and renumbers the context links of the next order. The thresholds
/// do not decrease with the order, so a kept n-gram's context and suffix (which occur at least as often) are kept.
/// </summary>
internal static class Pruning
{
    public static NGramModelData RemovePruned(NGramModelData data, bool[][] pruned)
    {
        bool any = false;
        for (int k = 2; k <= data.Order && !any; k++)
            foreach (bool p in pruned[k - 1])
                if (p) { any = true; break; }
        if (!any) return data;

        var higher = new NGramOrderData[data.Higher.Length];
        int[]? previousMap = null;
        for (int k = 2; k <= data.Order; k++)
        {
            var source = data.Higher[k - 2];
            var mask = pruned[k - 1];
            int kept = 0;
            foreach (bool p in mask) if (!p) kept++;
            var map = new int[source.Count];
            var context = new int[kept];
            var word = new int[kept];
            var prob = new float[kept];
            var backoff = new float[kept];
            int j = 0;
            for (int g = 0; g < source.Count; g++)
            {
                if (mask[g]) { map[g] = -1; continue; }
                map[g] = j;
                int c = source.Context[g];
                context[j] = previousMap is null ? c : previousMap[c];
                if (context[j] < 0)
                    throw new InvalidOperationException($"Pruning kept a {k}-gram whose context was pruned; the thresholds must not decrease with the order.");
                word[j] = source.Word[g];
                prob[j] = source.Prob[g];
                backoff[j] = source.Backoff[g];
                j++;
            }
            higher[k - 2] = new NGramOrderData(k, context, word, prob, backoff);
            previousMap = map;
        }
        return new NGramModelData(data.Order, data.Words, data.UnigramProb, data.UnigramBackoff, higher);
    }
}
