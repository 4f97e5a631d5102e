namespace Microsoft.ML.Recurrent.NGram;

/// <summary>
/// The n-grams of one order n ≥ 2 of a finished model, as parallel arrays sorted by (context index, last word): the
/// canonical form that estimation, ARPA reading and model files share. An n-gram w1…wn is the index of w1…w(n−1) in
/// order n−1 (a word id when n = 2) plus wn; its log10 probability and log10 back-off weight (0 when it is not a context).
/// </summary>
internal sealed class NGramOrderData
{
    public NGramOrderData(int order, int[] context, int[] word, float[] prob, float[] backoff)
    {
        Order = order;
        Context = context;
        Word = word;
        Prob = prob;
        Backoff = backoff;
    }

    public int Order { get; }

    public int Count => Word.Length;

    public int[] Context { get; }

    public int[] Word { get; }

    public float[] Prob { get; }

    public float[] Backoff { get; }
}
