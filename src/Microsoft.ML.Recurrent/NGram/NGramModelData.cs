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
}
