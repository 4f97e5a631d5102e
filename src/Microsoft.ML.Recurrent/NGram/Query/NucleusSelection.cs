namespace Microsoft.ML.Recurrent.NGram.Query;

/// <summary>
/// Top-p (nucleus) selection without sorting the vocabulary: a quickselect on the cumulated weight. The nucleus is the
/// shortest prefix of the words ranked by weight (descending, ties by ascending id) whose weight reaches the target;
/// only the partition the boundary falls in is refined, so the cost is linear in the number of words on average.
/// </summary>
internal static class NucleusSelection
{
    private const int SmallRange = 16;

    /// <summary>
    /// Reorders <paramref name="ids"/> and <paramref name="weights"/> (same length, weights ≥ 0) so that the nucleus
    /// comes first, and returns its size: the smallest r such that the r best words weigh at least
    /// <paramref name="target"/> (all of them when rounding keeps the total just below it).
    /// </summary>
    public static int SelectNucleus(Span<int> ids, Span<float> weights, double target)
    {
        int lo = 0, hi = ids.Length;
        double need = target;
        while (hi - lo > SmallRange)
        {
            int pivot = MedianOfThree(ids, weights, lo, lo + ((hi - lo) >>> 1), hi - 1);
            Swap(ids, weights, pivot, hi - 1);
            float pivotWeight = weights[hi - 1];
            int pivotId = ids[hi - 1];
            int store = lo;
            double better = 0;
            for (int i = lo; i < hi - 1; i++)
            {
                if (!Ranks(weights[i], ids[i], pivotWeight, pivotId)) continue;
                better += weights[i];
                Swap(ids, weights, i, store);
                store++;
            }
            Swap(ids, weights, store, hi - 1);
            if (better >= need) hi = store;                            // the boundary is among the better words
            else if (better + pivotWeight >= need) return store + 1;   // the pivot is the boundary
            else
            {
                need -= better + pivotWeight;                          // all better words and the pivot are in
                lo = store + 1;
            }
        }
        // A few words left: rank them and walk to the boundary.
        for (int i = lo + 1; i < hi; i++)
        {
            for (int j = i; j > lo && Ranks(weights[j], ids[j], weights[j - 1], ids[j - 1]); j--) Swap(ids, weights, j, j - 1);
        }
        for (int i = lo; i < hi; i++)
        {
            need -= weights[i];
            if (need <= 0) return i + 1;
        }
        return hi;
    }

    // True when (weight, id) ranks before (otherWeight, otherId): heavier first, ties by ascending id.
    private static bool Ranks(float weight, int id, float otherWeight, int otherId) =>
        weight > otherWeight || (weight == otherWeight && id < otherId);

    private static int MedianOfThree(Span<int> ids, Span<float> weights, int a, int b, int c)
    {
        bool ab = Ranks(weights[a], ids[a], weights[b], ids[b]);
        bool bc = Ranks(weights[b], ids[b], weights[c], ids[c]);
        bool ac = Ranks(weights[a], ids[a], weights[c], ids[c]);
        if (ab == bc) return b;
        return ab == ac ? c : a;
    }

    private static void Swap(Span<int> ids, Span<float> weights, int i, int j)
    {
        (ids[i], ids[j]) = (ids[j], ids[i]);
        (weights[i], weights[j]) = (weights[j], weights[i]);
    }
}
