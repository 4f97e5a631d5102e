namespace Microsoft.ML.Recurrent.NGram;

/// <summary>
/// A finished n-gram model in canonical form: the vocabulary (id 0 the unknown word, 1 <c>&lt;s&gt;</c>, 2
/// <c>&lt;/s&gt;</c>), log10 probability and back-off per unigram (indexed by word id) and the higher orders as
/// <see cref="NGramOrderData"/>. Query structures are built from it; model files and ARPA files store it.
/// </summary>
internal sealed class NGramModelData
{
    public NGramModelData(int order, string[] words, float[] unigramProb, float[] unigramBackoff, NGramOrderData[] higher)
    {
        Order = order;
        Words = words;
        UnigramProb = unigramProb;
        UnigramBackoff = unigramBackoff;
        Higher = higher;
    }

    public int Order { get; }

    public string[] Words { get; }

    public float[] UnigramProb { get; }

    public float[] UnigramBackoff { get; }

    /// <summary>Orders 2..N at indices 0..N−2.</summary>
    public NGramOrderData[] Higher { get; }

    /// <summary>Number of n-grams of an order (1-based).</summary>
    public long CountOf(int order) => order == 1 ? Words.Length : Higher[order - 2].Count;

    /// <summary>
    /// Checks the invariants that the query structures rely on (for data read from a file): array lengths, ids and
    /// context indices in range, n-grams sorted by (context, word) without repeats, no NaN probabilities. Returns a
    /// description of the first problem and the field it is in, or null.
    /// </summary>
    public string? FindProblem(out string field)
    {
        field = "unigram probabilities";
        int vocabulary = Words.Length;
        if (Order < 1 || Order > NGramOptions.MaxOrder) { field = "order"; return $"{Order} is outside 1..{NGramOptions.MaxOrder}"; }
        if (vocabulary < 3) { field = "vocabulary"; return $"{vocabulary} words is below 3 (the unknown word, <s>, </s>)"; }
        if (UnigramProb.Length != vocabulary || UnigramBackoff.Length != vocabulary) return $"{UnigramProb.Length} probabilities and {UnigramBackoff.Length} back-offs for {vocabulary} words";
        if (Higher.Length != Order - 1) { field = "orders"; return $"{Higher.Length} higher orders for order {Order}"; }
        int lowerCount = vocabulary;
        for (int k = 2; k <= Order; k++)
        {
            var o = Higher[k - 2];
            field = $"{k}-gram contexts";
            if (o.Order != k || o.Context.Length != o.Count || o.Prob.Length != o.Count || o.Backoff.Length != o.Count)
                return $"the arrays of order {k} have different lengths";
            for (int g = 0; g < o.Count; g++)
            {
                if ((uint)o.Context[g] >= (uint)lowerCount) return $"entry {g} is {o.Context[g]}, outside 0..{lowerCount - 1}";
                if ((uint)o.Word[g] >= (uint)vocabulary) { field = $"{k}-gram words"; return $"entry {g} is {o.Word[g]}, outside 0..{vocabulary - 1}"; }
                if (g > 0 && (o.Context[g] < o.Context[g - 1] || (o.Context[g] == o.Context[g - 1] && o.Word[g] <= o.Word[g - 1])))
                    return $"entry {g} is out of order or repeated (the n-grams must be sorted by context, then word)";
                if (float.IsNaN(o.Prob[g]) || float.IsNaN(o.Backoff[g])) { field = $"{k}-gram probabilities"; return $"entry {g} is NaN"; }
            }
            lowerCount = o.Count;
        }
        field = "";
        return null;
    }
}
