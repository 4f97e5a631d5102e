using System.Runtime.CompilerServices;

namespace Microsoft.ML.Recurrent.NGram.Estimation;

/// <summary>
/// Stage 1: corpus → raw n-gram counts of every order.
/// <para>Input: a <see cref="TokenizedCorpus"/>. Output: a <see cref="CountedCorpus"/> whose order-n n-grams are
/// sorted by (context index, last word).</para>
/// <para>Order n is built from order n−1: every corpus position p gets the index of the n-gram ending there
/// (node[p]), so the n-gram ending at p is the key (node_{n−1}[p−1], word[p]). Keys are radix-sorted with their
/// position; each run of equal keys is one n-gram, its length the raw count. Its suffix is node_{n−1}[p].
/// A window that would reach before the sentence's <c>&lt;s&gt;</c> has no node, which reproduces the set of
/// n-grams KenLM keeps from its (N−1)-fold <c>&lt;s&gt;</c> padding.</para>
/// </summary>
internal static class NGramCounter
{
    public static CountedCorpus Count(TokenizedCorpus corpus, int order, CancellationToken cancellation = default)
    {
        int vocabulary = corpus.VocabularySize;
        int[] tokens = corpus.Tokens;
        int length = corpus.Length;

        var unigrams = new int[vocabulary];
        for (int p = 0; p < length; p++)
        {
            int w = tokens[p];
            if (w != TokenizedCorpus.BeginId) unigrams[w]++;
        }

        int last = order > 1 ? FindLastWindow(tokens, length, order) : -1;
        var lastPending = new int[Math.Max(order - 1, 0)];
        Array.Fill(lastPending, -1);
        if (last >= 0 && order > 1) lastPending[0] = tokens[last];

        var higher = new NGramCounts[Math.Max(order - 1, 0)];
        if (order == 1)
            return new CountedCorpus(order, corpus.Words, unigrams, higher, lastPending, corpus.WordCount, corpus.SentenceCount);

        var keys = new ulong[length];
        var positions = new int[length];
        var keyScratch = new ulong[length];
        var positionScratch = new int[length];
        var nodesA = new int[length];
        int[]? nodesB = order > 2 ? new int[length] : null;
        int wordBits = RadixSort.BitsFor(vocabulary);

        int[] previousNodes = tokens; // order 1: the node of a position is its word id (<s> included)
        for (int n = 2; n <= order; n++)
        {
            cancellation.ThrowIfCancellationRequested();
            int[] nodes = n % 2 == 0 ? nodesA : nodesB!;
            int previousCount = n == 2 ? vocabulary : higher[n - 3].Count;
            int m = CollectKeys(tokens, length, previousNodes, wordBits, keys, positions);
            RadixSort.Sort(ref keys, ref positions, ref keyScratch, ref positionScratch, m, RadixSort.BitsFor(previousCount) + wordBits);
            var counts = Assign(keys, positions, m, n, wordBits, previousNodes, nodes, n == 2 ? null : higher[n - 3].FirstWord);
            higher[n - 2] = counts;
            if (last >= 0 && n < order) lastPending[n - 1] = nodes[last];
            previousNodes = nodes;
        }
        return new CountedCorpus(order, corpus.Words, unigrams, higher, lastPending, corpus.WordCount, corpus.SentenceCount);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int CollectKeys(int[] tokens, int length, int[] previousNodes, int wordBits, ulong[] keys, int[] positions)
    {
        int m = 0;
        for (int p = 1; p < length; p++)
        {
            int w = tokens[p];
            if (w == TokenizedCorpus.BeginId) continue;
            int context = previousNodes[p - 1];
            if (context < 0) continue;
            keys[m] = ((ulong)(uint)context << wordBits) | (uint)w;
            positions[m] = p;
            m++;
        }
        return m;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static NGramCounts Assign(ulong[] keys, int[] positions, int m, int n, int wordBits, int[] previousNodes, int[] nodes, int[]? previousFirstWord)
    {
        int unique = 0;
        for (int i = 0; i < m; i++)
            if (i == 0 || keys[i] != keys[i - 1]) unique++;

        var counts = new NGramCounts(n, unique);
        Array.Fill(nodes, -1);
        ulong wordMask = (1UL << wordBits) - 1;
        int index = -1;
        for (int i = 0; i < m; i++)
        {
            ulong key = keys[i];
            int p = positions[i];
            if (i == 0 || key != keys[i - 1])
            {
                index++;
                int context = (int)(key >> wordBits);
                counts.Context[index] = context;
                counts.Word[index] = (int)(key & wordMask);
                counts.Suffix[index] = previousNodes[p];
                counts.FirstWord[index] = previousFirstWord is null ? context : previousFirstWord[context];
            }
            counts.Raw[index]++;
            nodes[p] = index;
        }
        return counts;
    }

    /// <summary>
    /// The position whose highest-order window (padded with <c>&lt;s&gt;</c> before the sentence start, as KenLM pads)
    /// is last in suffix order: compared by the last word, then the one before, and so on, by id.
    /// </summary>
    private static int FindLastWindow(int[] tokens, int length, int order)
    {
        int maxWord = -1;
        for (int p = 0; p < length; p++)
            if (tokens[p] != TokenizedCorpus.BeginId && tokens[p] > maxWord) maxWord = tokens[p];
        int best = -1;
        for (int p = 0; p < length; p++)
        {
            if (tokens[p] != maxWord) continue;
            if (best < 0 || CompareReversedWindows(tokens, p, best, order) > 0) best = p;
        }
        return best;
    }

    private static int CompareReversedWindows(int[] tokens, int p, int q, int order)
    {
        bool paddedP = false, paddedQ = false;
        for (int k = 0; k < order; k++)
        {
            int a = paddedP ? TokenizedCorpus.BeginId : tokens[p - k];
            int b = paddedQ ? TokenizedCorpus.BeginId : tokens[q - k];
            if (a == TokenizedCorpus.BeginId) paddedP = true;
            if (b == TokenizedCorpus.BeginId) paddedQ = true;
            if (a != b) return a.CompareTo(b);
        }
        return 0;
    }
}
