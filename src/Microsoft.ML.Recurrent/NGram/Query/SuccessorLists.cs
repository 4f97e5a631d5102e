using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

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
    private readonly float[][] _probs;      // the stored log10 probability of each listed word
    private readonly float[][] _cumulative; // running sum of 10^prob within each range
    private readonly int[] _unigramWords;   // all ordinary words and </s>, by descending probability
    private readonly float[] _unigramProbs;
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
        _unigramProbs = new float[_unigramWords.Length];
        for (int i = 0; i < _unigramWords.Length; i++) _unigramProbs[i] = data.UnigramProb[_unigramWords[i]];

        _words = new int[data.Order - 1][];
        _probs = new float[data.Order - 1][];
        _cumulative = new float[data.Order - 1][];
        for (int k = 2; k <= data.Order; k++)
        {
            var order = data.Higher[k - 2];
            var start = tables.ChildStart[k - 2];
            var sortedWords = (int[])order.Word.Clone();
            var cumulative = new float[order.Count];
            var sortedProbs = new float[order.Count];
            var probOf = new float[data.Words.Length];
            for (int c = 0; c + 1 < start.Length; c++)
            {
                int lo = start[c], length = start[c + 1] - lo;
                for (int g = lo; g < lo + length; g++) probOf[order.Word[g]] = order.Prob[g];
                if (length > 1) SortByProbabilityThenWord(sortedWords, probOf, lo, length);
                float sum = 0f;
                for (int g = lo; g < lo + length; g++)
                {
                    sortedProbs[g] = probOf[sortedWords[g]];
                    if (Suggestible(sortedWords[g])) sum += MathF.Pow(10f, sortedProbs[g]);
                    cumulative[g] = sum;
                }
            }
            _words[k - 2] = sortedWords;
            _probs[k - 2] = sortedProbs;
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

    private int ContextIndex(in NGramState state, int level)
    {
        int slot = state.Slots[level - 1];
        return level == 1 ? slot : _tables.IndexOfSlot[level - 2][slot];
    }

    /// <summary>
    /// Writes the exact top-k next words (by probability, descending; ties by ascending id) and their log10
    /// probabilities into the spans (at least <paramref name="k"/> long); returns how many. Allocates nothing.
    /// </summary>
    /// <remarks>
    /// The spans hold the best candidates so far, sorted, so the k-th best is a threshold from the first level on:
    /// each level's list is sorted by stored probability and all its words get the same back-offs, so the first word
    /// below the threshold ends the level, and the (binary search) check that a word belongs to a longer context is
    /// only paid for words that would enter.
    /// </remarks>
    [SkipLocalsInit]
    public int TopK(in NGramState state, int k, Span<int> words, Span<float> logProbs)
    {
        words = words[..k];
        logProbs = logProbs[..k];
        int length = state.Length;
        int n = 0;
        // The contexts' indexes and list ranges first, one level after the other without dependencies between
        // levels, so that their cache misses overlap instead of adding up level by level.
        Span<int> contexts = stackalloc int[NGramOptions.MaxOrder + 1];
        Span<int> starts = stackalloc int[NGramOptions.MaxOrder + 1];
        Span<int> ends = stackalloc int[NGramOptions.MaxOrder + 1];
        for (int level = 1; level <= length; level++) contexts[level] = ContextIndex(state, level);
        for (int level = 1; level <= length; level++)
        {
            var start = _tables.ChildStart[level - 1];
            starts[level] = start[contexts[level]];
            ends[level] = start[contexts[level] + 1];
        }
        for (int level = 1; level <= length; level++)
        {
            if (starts[level] < ends[level])
            {
                Prefetch(ref _words[level - 1][starts[level]]);
                Prefetch(ref Unsafe.As<float, int>(ref _probs[level - 1][starts[level]]));
            }
        }
        for (int level = length; level >= 0; level--)
        {
            ReadOnlySpan<int> list;
            ReadOnlySpan<float> stored;
            if (level == 0)
            {
                list = _unigramWords;
                stored = _unigramProbs;
            }
            else
            {
                list = _words[level - 1].AsSpan(starts[level], ends[level] - starts[level]);
                stored = _probs[level - 1].AsSpan(starts[level], ends[level] - starts[level]);
            }
            int longerContext = level < length ? contexts[level + 1] : -1;
            int taken = 0;
            for (int i = 0; i < list.Length; i++)
            {
                int w = list[i];
                if (!Suggestible(w)) continue;
                float p;
                if (_addK)
                {
                    // Add-k probabilities do not follow the stored order across the back-off: score every word, up to k per level.
                    if (taken == k) break;
                    p = _tables.Score(state, w, out _, out int matched);
                    if (matched - 1 != level) continue;
                    taken++;
                }
                else
                {
                    // Words whose longest match is this level share the back-offs of the longer contexts, added in the
                    // order scoring adds them so that the value is bit-identical to Score (and, rounding being
                    // monotonic, still sorted).
                    p = stored[i];
                    for (int j = level; j < length; j++) p += state.Backoffs[j];
                    if (n == k)
                    {
                        if (p < logProbs[k - 1]) break;
                        if (p == logProbs[k - 1] && w > words[k - 1]) continue;
                    }
                    // Seen after the next longer context: its longest match is longer, ranked at that level.
                    // (Models are suffix-closed, so checking the next longer context is enough.)
                    if (longerContext >= 0 && _tables.FindChild(level + 2, longerContext, w) >= 0) continue;
                }
                n = Insert(words, logProbs, n, w, p);
            }
        }
        return n;
    }

    // Inserts (w, p) into the sorted candidates words/logProbs[0..n) of capacity words.Length, dropping the worst when
    // full; returns the new count.
    private static int Insert(Span<int> words, Span<float> logProbs, int n, int w, float p)
    {
        int i;
        if (n < words.Length) i = n++;
        else if (Better(p, w, logProbs[n - 1], words[n - 1])) i = n - 1;
        else return n;
        while (i > 0 && Better(p, w, logProbs[i - 1], words[i - 1]))
        {
            words[i] = words[i - 1];
            logProbs[i] = logProbs[i - 1];
            i--;
        }
        words[i] = w;
        logProbs[i] = p;
        return n;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Prefetch(ref int address)
    {
        if (Sse.IsSupported) Sse.Prefetch0(Unsafe.AsPointer(ref address));
    }

    private static bool Better(float p, int w, float q, int v) => p > q || (p == q && w < v);

    /// <summary>
    /// Writes log10 p(w | state) for every word id into <paramref name="logProbs"/> (the vocabulary's length),
    /// −∞ for the unknown word and <c>&lt;s&gt;</c>; each value is bit-identical to <see cref="NGramQueryTables.Score"/>.
    /// </summary>
    /// <remarks>
    /// A word's probability is its stored probability at its longest match plus the back-offs of the longer contexts,
    /// so the whole distribution is the unigrams plus all back-offs (added one back-off at a time over the vocabulary,
    /// in scoring's order), overwritten by each context's successors from the shortest context to the longest (the
    /// model is suffix-closed: a word seen after a context is seen after its suffixes). That is a few vector passes
    /// and one write per successor instead of a hash lookup per word.
    /// </remarks>
    public void ScoreAll(in NGramState state, Span<float> logProbs)
    {
        logProbs = logProbs[.._tables.VocabularySize];
        int length = state.Length;
        if (_addK)
        {
            for (int w = 0; w < logProbs.Length; w++) logProbs[w] = Suggestible(w) ? _tables.Score(state, w, out _, out _) : float.NegativeInfinity;
            return;
        }
        _tables.Data.UnigramProb.AsSpan(0, logProbs.Length).CopyTo(logProbs);
        for (int j = 0; j < length; j++) TensorPrimitives.Add(logProbs, state.Backoffs[j], logProbs);
        for (int level = 1; level <= length; level++)
        {
            var (words, _, lo, hi, _) = Range(state, level);
            var stored = _probs[level - 1];
            for (int i = lo; i < hi; i++)
            {
                float p = stored[i];
                for (int j = level; j < length; j++) p += state.Backoffs[j];
                logProbs[words[i]] = p;
            }
        }
        logProbs[TokenizedCorpusIds.Unknown] = float.NegativeInfinity;
        logProbs[TokenizedCorpusIds.Begin] = float.NegativeInfinity;
    }

    /// <summary>
    /// Draws a word from p(·|state)^<paramref name="exponent"/> (renormalised; exponent = 1/T ≥ 1, i.e. temperature
    /// ≤ 1) by rejection, or returns −1 after <paramref name="maxTries"/> rejections (the caller then draws another way:
    /// an accepted draw has exactly the target distribution, so falling back keeps the result exact).
    /// </summary>
    /// <remarks>
    /// Proposal: the exact sampler, p. Accept w with probability (p(w)/M)^(exponent − 1), M ≥ max p: the target is
    /// then ∝ p^exponent. M is the largest first entry of the context lists with their back-offs (a word's
    /// probability is its list's stored probability plus the same back-offs, added in the same order, so no word
    /// exceeds it). Costs a few lookups per try instead of weighing the vocabulary; not for add-k (no such bound).
    /// </remarks>
    public int SampleSharpened(in NGramState state, double exponent, Random random, int maxTries)
    {
        if (_addK) return -1;
        float bound = MaxLogProbBound(state);
        double rate = (exponent - 1) * Math.Log(10);
        for (int attempt = 0; attempt < maxTries; attempt++)
        {
            int w = Sample(state, random);
            float logProb = _tables.Score(state, w, out _, out _);
            if (random.NextDouble() < Math.Exp(rate * (logProb - bound))) return w;
        }
        return -1;
    }

    // An upper bound of log10 p(w | state) over the suggestible words (see SampleSharpened).
    private float MaxLogProbBound(in NGramState state)
    {
        int length = state.Length;
        float bound = float.NegativeInfinity;
        for (int level = 0; level <= length; level++)
        {
            ReadOnlySpan<int> list;
            ReadOnlySpan<float> stored;
            if (level == 0)
            {
                list = _unigramWords;
                stored = _unigramProbs;
            }
            else
            {
                var range = Range(state, level);
                list = range.Words.AsSpan(range.Start, range.End - range.Start);
                stored = _probs[level - 1].AsSpan(range.Start, range.End - range.Start);
            }
            for (int i = 0; i < list.Length; i++)
            {
                if (!Suggestible(list[i])) continue;
                float p = stored[i];
                for (int j = level; j < length; j++) p += state.Backoffs[j];
                bound = Math.Max(bound, p);
                break;
            }
        }
        return bound;
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
