using System.Buffers;

namespace Microsoft.ML.Recurrent.NGram.Query;

/// <summary>
/// Per-context successor lists for suggestions and sampling: for every context, the words seen after it sorted by
/// stored probability (descending) with running sums of the linear probabilities, plus the same for the unigrams.
/// <para>Exact top-k: a word's probability is its stored probability at the longest context it extends, times the
/// back-offs of the longer contexts; all words that extend the same context share those back-offs, so ranking them
/// within a context is ranking by stored probability. Taking, for each context length, the k best words whose longest
/// match is that length, then ranking the union, gives the exact top k with a few dozen lookups.</para>
/// <para>Exact sampling: p(w|h) = P(h w) for the words seen after h and γ(h)·p(w|h′) for the others, so draw u; if it
/// falls in the seen mass pick a seen word, otherwise draw from the shorter context and reject words seen after h.</para>
/// The unknown word and <c>&lt;s&gt;</c> are never suggested nor sampled.
/// </summary>
internal sealed class SuccessorLists
{
    private readonly NGramQueryTables _tables;
    private readonly int[][] _words;        // order k at [k−2], ranges as the tables' ChildStart
    private readonly float[][] _cumulative; // running sum of 10^prob within each range
    private readonly int[] _unigramWords;   // all ordinary words and </s>, by descending probability
    private readonly float[] _unigramCumulative;
    private readonly bool _addK;

    public SuccessorLists(NGramQueryTables tables, bool addK)
    {
        _tables = tables;
        _addK = addK;
        var data = tables.Data;
        int vocabulary = data.Words.Length;
        var words = new List<int>(vocabulary);
        for (int w = 0; w < vocabulary; w++)
            if (Suggestible(w)) words.Add(w);
        _unigramWords = words.ToArray();
        SortByProbabilityThenWord(_unigramWords, data.UnigramProb, 0, _unigramWords.Length);
        _unigramCumulative = Cumulative(_unigramWords, w => data.UnigramProb[w], 0, _unigramWords.Length);

        _words = new int[data.Order - 1][];
        _cumulative = new float[data.Order - 1][];
        for (int k = 2; k <= data.Order; k++)
        {
            var order = data.Higher[k - 2];
            var start = tables.ChildStart[k - 2];
            var sortedWords = (int[])order.Word.Clone();
            var cumulative = new float[order.Count];
            var probOf = new float[data.Words.Length];
            for (int c = 0; c + 1 < start.Length; c++)
            {
                int lo = start[c], length = start[c + 1] - lo;
                for (int g = lo; g < lo + length; g++) probOf[order.Word[g]] = order.Prob[g];
                if (length > 1) SortByProbabilityThenWord(sortedWords, probOf, lo, length);
                float sum = 0f;
                for (int g = lo; g < lo + length; g++)
                {
                    if (Suggestible(sortedWords[g])) sum += MathF.Pow(10f, probOf[sortedWords[g]]);
                    cumulative[g] = sum;
                }
            }
            _words[k - 2] = sortedWords;
            _cumulative[k - 2] = cumulative;
        }
    }

    // Sorts words[start..start+length) by descending probability, ties by ascending id, so that rankings are deterministic.
    // Keys pack the bits of −log10 p (a non-negative float, whose bits order like the value) above the word id.
    private static void SortByProbabilityThenWord(int[] words, float[] logProbOfWord, int start, int length)
    {
        var keys = new ulong[length];
        for (int i = 0; i < length; i++)
        {
            int w = words[start + i];
            float negative = -logProbOfWord[w] + 0f; // + 0 turns −0 into +0
            keys[i] = ((ulong)BitConverter.SingleToUInt32Bits(negative) << 32) | (uint)w;
        }
        Array.Sort(keys);
        for (int i = 0; i < length; i++) words[start + i] = (int)(uint)keys[i];
    }

    private static bool Suggestible(int w) => w != TokenizedCorpusIds.Unknown && w != TokenizedCorpusIds.Begin;

    private static float[] Cumulative(int[] words, Func<int, float> logProb, int start, int length)
    {
        var cumulative = new float[length];
        float sum = 0f;
        for (int i = 0; i < length; i++)
        {
            sum += MathF.Pow(10f, logProb(words[start + i]));
            cumulative[i] = sum;
        }
        return cumulative;
    }

    /// <summary>The successor range of the state's context of <paramref name="level"/> words (level ≥ 1).</summary>
    private (int[] Words, float[] Cumulative, int Start, int End, int ContextIndex) Range(in NGramState state, int level)
    {
        int slot = state.Slots[level - 1];
        int index = level == 1 ? slot : _tables.IndexOfSlot[level - 2][slot];
        var start = _tables.ChildStart[level - 1];
        return (_words[level - 1], _cumulative[level - 1], start[index], start[index + 1], index);
    }

    /// <summary>Writes the exact top-k next words (by probability, descending) and their log10 probabilities; returns how many.</summary>
    public int TopK(in NGramState state, int k, Span<int> words, Span<float> logProbs)
    {
        int length = state.Length;
        int capacity = k * (length + 1);
        int[] candidateWords = ArrayPool<int>.Shared.Rent(capacity);
        float[] candidateProbs = ArrayPool<float>.Shared.Rent(capacity);
        try
        {
            int n = 0;
            for (int level = length; level >= 0; level--)
            {
                int[] list;
                int lo, hi;
                if (level == 0) (list, lo, hi) = (_unigramWords, 0, _unigramWords.Length);
                else
                {
                    var range = Range(state, level);
                    (list, lo, hi) = (range.Words, range.Start, range.End);
                }
                int taken = 0;
                for (int i = lo; i < hi && taken < k; i++)
                {
                    int w = list[i];
                    if (!Suggestible(w)) continue;
                    float p = _tables.Score(state, w, out _, out int matched);
                    if (matched - 1 != level) continue; // its longest match is longer: ranked at that level
                    candidateWords[n] = w;
                    candidateProbs[n] = p;
                    n++;
                    taken++;
                }
            }
            int count = Math.Min(k, n);
            for (int i = 0; i < count; i++)
            {
                int best = i;
                for (int j = i + 1; j < n; j++)
                    if (candidateProbs[j] > candidateProbs[best] || (candidateProbs[j] == candidateProbs[best] && candidateWords[j] < candidateWords[best])) best = j;
                (candidateWords[i], candidateWords[best]) = (candidateWords[best], candidateWords[i]);
                (candidateProbs[i], candidateProbs[best]) = (candidateProbs[best], candidateProbs[i]);
                words[i] = candidateWords[i];
                logProbs[i] = candidateProbs[i];
            }
            return count;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(candidateWords);
            ArrayPool<float>.Shared.Return(candidateProbs);
        }
    }

    /// <summary>Draws a word from p(·|state) exactly (temperature 1, no truncation).</summary>
    public int Sample(in NGramState state, Random random) => SampleLevel(state, state.Length, random, 0);

    private int SampleLevel(in NGramState state, int level, Random random, int depth)
    {
        if (level == 0)
        {
            float total = _unigramCumulative[^1];
            return _unigramWords[Search(_unigramCumulative, 0, _unigramCumulative.Length, (float)random.NextDouble() * total)];
        }
        var (words, cumulative, lo, hi, context) = Range(state, level);
        float seen = hi > lo ? cumulative[hi - 1] : 0f;
        float u = (float)random.NextDouble();
        if (u < seen) return words[Search(cumulative, lo, hi, u)];
        // The rest of the mass: a word not seen after this context, drawn from the shorter context (or uniformly for add-k).
        for (int attempt = 0; attempt < 1000; attempt++)
        {
            int w = _addK ? 3 + random.Next(_tables.VocabularySize - 3) : SampleLevel(state, level - 1, random, depth + 1);
            if (_tables.FindChild(level + 1, context, w) < 0) return w;
        }
        // Practically unreachable (the seen words would need almost all of the shorter context's mass): take the best seen word.
        return words[lo];
    }

    private static int Search(float[] cumulative, int lo, int hi, float target)
    {
        int end = hi;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] <= target) lo = mid + 1; else hi = mid;
        }
        return Math.Min(lo, end - 1);
    }
}
