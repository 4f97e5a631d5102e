using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Microsoft.ML.Recurrent.NGram.Query;

/// <summary>
/// The weight of the words ranked before a given word in p(·|state)^e (e = 1/T), and the total weight, in a few
/// binary searches per context length instead of a pass over the vocabulary: what nucleus (top-p) sampling needs to
/// decide whether a drawn word is in the nucleus.
/// <para>A word whose longest match is the context of L words has log10 p = its stored probability at that level plus
/// the back-offs of the longer contexts (the same for all such words), so within a level the ranking is the ranking by
/// stored probability, and the weight of a level's words above a threshold is a prefix sum of 10^(e·stored) times
/// 10^(e·back-offs). The words of level L are the successors of the L-word context minus those of the (L+1)-word
/// context (the model is suffix-closed); the latter are subtracted with a second copy of each successor list sorted by
/// the word's probability one level shorter (its stored probability at level L), with its own prefix sums. So the
/// weight above τ is Σ over levels of [prefix(list L) − prefix(longer list by level-L probability)], O(levels · log V).</para>
/// <para>Exactness: a word's rank uses the float log-probability exactly as <see cref="NGramQueryTables.Score"/>
/// computes it (stored probability plus the back-offs added in the same order; rounding is monotonic, so each sorted
/// list stays sorted under it and the threshold is a binary search). Words equal to the threshold rank by ascending
/// id, as everywhere else: a list's run of equal values is sorted by id, so the words before the given one are counted
/// by binary search (several runs when rounding merges close stored values). Weights are prefix sums in double of
/// 10^(e·stored) times 10^(e·Σ back-offs), equal to 10^(e·log p) up to the float rounding of log p (about 10⁻⁶
/// relative), the same order as the float weights of the whole-vocabulary path.</para>
/// Not for add-k (its unseen words do not follow the back-off structure). The unknown word and <c>&lt;s&gt;</c> weigh 0.
/// </summary>
internal sealed class RankedMassIndex
{
    private readonly NGramQueryTables _tables;
    private readonly Ranking _ranking;
    private readonly double[] _unigramCumulative;
    private readonly double[][] _cumulative;      // order k at [k−2], prefix sums within each context's range
    private readonly double[][] _lowerCumulative;

    private RankedMassIndex(NGramQueryTables tables, Ranking ranking, double exponent)
    {
        _tables = tables;
        _ranking = ranking;
        Exponent = exponent;
        _unigramCumulative = new double[ranking.UnigramProbs.Length];
        Accumulate(ranking.UnigramProbs, _unigramCumulative, [0, ranking.UnigramProbs.Length], exponent);
        int orders = tables.Order - 1;
        _cumulative = new double[orders][];
        _lowerCumulative = new double[orders][];
        for (int k = 2; k <= tables.Order; k++)
        {
            var start = tables.ChildStart[k - 2];
            _cumulative[k - 2] = new double[ranking.Probs[k - 2].Length];
            _lowerCumulative[k - 2] = new double[ranking.Probs[k - 2].Length];
            Accumulate(ranking.Probs[k - 2], _cumulative[k - 2], start, exponent);
            Accumulate(ranking.LowerProbs[k - 2], _lowerCumulative[k - 2], start, exponent);
        }
    }

    /// <summary>Builds the index for weights p^<paramref name="exponent"/> (exponent = 1/T &gt; 0).</summary>
    public static RankedMassIndex Build(NGramQueryTables tables, double exponent) => new(tables, new Ranking(tables), exponent);

    /// <summary>The same sorted lists with prefix sums for another exponent (the sorting is shared).</summary>
    public RankedMassIndex WithExponent(double exponent) => new(_tables, _ranking, exponent);

    /// <summary>The exponent e of the weights p^e.</summary>
    public double Exponent { get; }

    /// <summary>The total weight Σ p(w|state)^e over the suggestible words.</summary>
    public double Total(in NGramState state)
    {
        // Every list's last prefix sum is its whole weight (−∞ adds nothing): no search needed.
        int length = state.Length;
        double e = Exponent;
        double mass = 0, backoffs = 0;
        int longerContext = -1;
        for (int level = length; level >= 0; level--)
        {
            if (level < length) backoffs += state.Backoffs[level];
            int context = level >= 1 ? ContextIndex(state, level) : 0;
            double all = level == 0 ? _unigramCumulative[^1] : Last(_cumulative[level - 1], _tables.ChildStart[level - 1], context);
            if (longerContext >= 0) all -= Last(_lowerCumulative[level], _tables.ChildStart[level], longerContext);
            if (all != 0) mass += all * Math.Exp(e * Math.Log(10) * backoffs);
            longerContext = context;
        }
        return mass;
    }

    private static double Last(double[] cumulative, int[] start, int context) =>
        start[context + 1] > start[context] ? cumulative[start[context + 1] - 1] : 0;

    /// <summary>
    /// The weight of the words ranked before <paramref name="word"/> (more probable, or as probable with a smaller
    /// id); <paramref name="logProb"/> is its log10 probability as <see cref="NGramQueryTables.Score"/> gives it.
    /// </summary>
    public double MassRankedBefore(in NGramState state, int word, float logProb) => MassRankedBefore(state, word, logProb, out _);

    /// <summary>As <see cref="MassRankedBefore(in NGramState, int, float)"/>, with <see cref="Total"/> on the side (the same reads).</summary>
    /// <remarks>
    /// The level of L words counts the words of its list above tau, minus those of the (L+1)-word context's list (by
    /// their level-L probability), whose range is the next level's: the ranges of all levels are read first and their
    /// ends prefetched, so that the cache misses of the levels overlap instead of adding up.
    /// </remarks>
    [SkipLocalsInit]
    public double MassRankedBefore(in NGramState state, int word, float logProb, out double total)
    {
        int length = state.Length;
        Span<int> lo = stackalloc int[NGramOptions.MaxOrder + 1];
        Span<int> hi = stackalloc int[NGramOptions.MaxOrder + 1];
        lo[0] = 0;
        hi[0] = _unigramCumulative.Length;
        for (int level = 1; level <= length; level++) lo[level] = ContextIndex(state, level);
        for (int level = 1; level <= length; level++)
        {
            var start = _tables.ChildStart[level - 1];
            int context = lo[level];
            lo[level] = start[context];
            hi[level] = start[context + 1];
        }
        for (int level = 1; level <= length; level++)
        {
            if (lo[level] >= hi[level]) continue;
            Prefetch(ref _ranking.Probs[level - 1][lo[level]]);
            Prefetch(ref _ranking.Probs[level - 1][hi[level] - 1]);
            Prefetch(ref _ranking.LowerProbs[level - 1][lo[level]]);
            Prefetch(ref _ranking.LowerProbs[level - 1][hi[level] - 1]);
            Prefetch(ref _cumulative[level - 1][hi[level] - 1]);
            Prefetch(ref _lowerCumulative[level - 1][hi[level] - 1]);
        }

        double scale = Exponent * Math.Log(10);
        double tieWeight = Math.Exp(scale * logProb);
        double mass = 0, all = 0;
        double backoffs = 0; // Σ back-offs of the contexts longer than the level, from the longest down
        for (int level = length; level >= 0; level--)
        {
            if (level < length) backoffs += state.Backoffs[level];
            double above, whole;
            int tied;
            if (level == 0)
            {
                above = Above(_ranking.UnigramWords, _ranking.UnigramProbs, _unigramCumulative, 0, hi[0], state, 0, logProb, word, out tied);
                whole = _unigramCumulative[^1];
            }
            else
            {
                var cumulative = _cumulative[level - 1];
                above = Above(_ranking.Words[level - 1], _ranking.Probs[level - 1], cumulative, lo[level], hi[level], state, level, logProb, word, out tied);
                whole = hi[level] > lo[level] ? cumulative[hi[level] - 1] : 0;
            }
            if (level < length && hi[level + 1] > lo[level + 1])
            {
                // The successors of the longer context have their longest match there: remove them from this level.
                var cumulative = _lowerCumulative[level];
                above -= Above(_ranking.LowerWords[level], _ranking.LowerProbs[level], cumulative, lo[level + 1], hi[level + 1], state, level, logProb, word, out int tiedLonger);
                whole -= cumulative[hi[level + 1] - 1];
                tied -= tiedLonger;
            }
            double factor = backoffs == 0 ? 1 : Math.Exp(scale * backoffs);
            mass += above * factor + tied * tieWeight;
            all += whole * factor;
        }
        total = all;
        return mass;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Prefetch<T>(ref T address) where T : unmanaged
    {
        if (Sse.IsSupported) Sse.Prefetch0(Unsafe.AsPointer(ref address));
    }

    private int ContextIndex(in NGramState state, int level)
    {
        int slot = state.Slots[level - 1];
        return level == 1 ? slot : _tables.IndexOfSlot[level - 2][slot];
    }

    // log10 p of a word stored with logProb at this level: the back-offs of the longer contexts added as Score adds them.
    private static float LevelLogProb(float stored, in NGramState state, int level)
    {
        float p = stored;
        for (int j = level; j < state.Length; j++) p += state.Backoffs[j];
        return p;
    }

    // Within the range [lo, hi) of a list sorted by (stored desc, id asc): the prefix sum of the words whose level
    // log-probability exceeds tau, and the number of words equal to tau with an id below tieId.
    private static double Above(int[] words, float[] probs, double[] cumulative, int lo, int hi, in NGramState state, int level, float tau, int tieId, out int tied)
    {
        tied = 0;
        if (lo >= hi) return 0;
        // Often the whole range is below or above tau: two reads instead of a search.
        float first = LevelLogProb(probs[lo], state, level);
        if (first < tau) return 0;
        if (first > tau && LevelLogProb(probs[hi - 1], state, level) > tau) return cumulative[hi - 1];
        // a: the first entry at or below tau.
        int a = lo, h = hi;
        while (a < h)
        {
            int mid = (a + h) >>> 1;
            if (LevelLogProb(probs[mid], state, level) > tau) a = mid + 1; else h = mid;
        }
        double above = a > lo ? cumulative[a - 1] : 0;
        if (a == hi || LevelLogProb(probs[a], state, level) != tau) return above; // usually no word equals tau here
        // b: the first entry below tau; [a, b) equals tau, in runs of equal stored values each sorted by id.
        int b = a;
        h = hi;
        while (b < h)
        {
            int mid = (b + h) >>> 1;
            if (LevelLogProb(probs[mid], state, level) >= tau) b = mid + 1; else h = mid;
        }
        for (int s = a; s < b;)
        {
            float value = probs[s];
            int e = s + 1, eh = b;
            while (e < eh)
            {
                int mid = (e + eh) >>> 1;
                if (probs[mid] == value) e = mid + 1; else eh = mid;
            }
            int c = s, ch = e;
            while (c < ch)
            {
                int mid = (c + ch) >>> 1;
                if (words[mid] < tieId) c = mid + 1; else ch = mid;
            }
            tied += c - s;
            s = e;
        }
        return above;
    }

    // Prefix sums of 10^(e·p) within each range start[c]..start[c+1]; −∞ (never drawn) adds nothing.
    private static void Accumulate(float[] probs, double[] cumulative, int[] start, double exponent)
    {
        double scale = exponent * Math.Log(10);
        for (int c = 0; c + 1 < start.Length; c++)
        {
            double sum = 0;
            for (int i = start[c]; i < start[c + 1]; i++)
            {
                if (probs[i] != float.NegativeInfinity) sum += Math.Exp(scale * probs[i]);
                cumulative[i] = sum;
            }
        }
    }

    /// <summary>The successor lists sorted by stored probability and by the probability one level shorter.</summary>
    private sealed class Ranking
    {
        public readonly int[] UnigramWords;
        public readonly float[] UnigramProbs;
        public readonly int[][] Words;        // order k at [k−2]: each context's successors by (stored desc, id asc)
        public readonly float[][] Probs;      // their stored log10 probability, −∞ for the unknown word and <s>
        public readonly int[][] LowerWords;   // the same successors by (probability at the shorter context desc, id asc)
        public readonly float[][] LowerProbs; // that probability (the (k−1)-gram of the suffix context, or the unigram)

        public Ranking(NGramQueryTables tables)
        {
            var data = tables.Data;
            int vocabulary = tables.VocabularySize;
            int count = 0;
            for (int w = 0; w < vocabulary; w++) if (Suggestible(w)) count++;
            UnigramWords = new int[count];
            UnigramProbs = new float[count];
            var all = new int[count];
            var allProbs = new float[count];
            count = 0;
            for (int w = 0; w < vocabulary; w++)
            {
                if (!Suggestible(w)) continue;
                all[count] = w;
                allProbs[count++] = data.UnigramProb[w];
            }
            var keys = new ulong[Math.Max(count, 1)];
            var items = new int[Math.Max(count, 1)];
            Sort(all, allProbs, 0, count, UnigramWords, UnigramProbs, ref keys, ref items);

            int orders = data.Order - 1;
            Words = new int[orders][];
            Probs = new float[orders][];
            LowerWords = new int[orders][];
            LowerProbs = new float[orders][];
            int[] previousSuffix = [];
            for (int k = 2; k <= data.Order; k++)
            {
                var order = data.Higher[k - 2];
                var start = tables.ChildStart[k - 2];
                // The index of each n-gram's suffix (its last k−1 words) in order k−1, as the tables derive it.
                var suffix = new int[order.Count];
                var lower = new float[order.Count];
                for (int g = 0; g < order.Count; g++)
                {
                    int w = order.Word[g];
                    suffix[g] = k == 2 ? w : tables.FindChild(k - 1, previousSuffix[order.Context[g]], w);
                    lower[g] = k == 2 ? data.UnigramProb[w] : data.Higher[k - 3].Prob[suffix[g]];
                }
                var words = new int[order.Count];
                var probs = new float[order.Count];
                var lowerWords = new int[order.Count];
                var lowerProbs = new float[order.Count];
                for (int c = 0; c + 1 < start.Length; c++)
                {
                    int lo = start[c], length = start[c + 1] - lo;
                    if (length == 0) continue;
                    Sort(order.Word, order.Prob, lo, length, words, probs, ref keys, ref items);
                    Sort(order.Word, lower, lo, length, lowerWords, lowerProbs, ref keys, ref items);
                }
                Words[k - 2] = words;
                Probs[k - 2] = probs;
                LowerWords[k - 2] = lowerWords;
                LowerProbs[k - 2] = lowerProbs;
                previousSuffix = suffix;
            }
        }

        private static bool Suggestible(int w) => w != TokenizedCorpusIds.Unknown && w != TokenizedCorpusIds.Begin;

        // Writes the items [lo, lo+length) of (sourceWords, sourceProbs) sorted by (probability desc, word asc) into
        // words/probs at the same positions; the unknown word and <s> get −∞. keys/items are scratch, grown as needed.
        private static void Sort(int[] sourceWords, float[] sourceProbs, int lo, int length, int[] words, float[] probs, ref ulong[] keys, ref int[] items)
        {
            if (length == 1)
            {
                // Most contexts of the higher orders have one successor: nothing to sort.
                words[lo] = sourceWords[lo];
                probs[lo] = Suggestible(sourceWords[lo]) ? sourceProbs[lo] + 0f : float.NegativeInfinity;
                return;
            }
            if (keys.Length < length)
            {
                keys = new ulong[length];
                items = new int[length];
            }
            for (int i = 0; i < length; i++)
            {
                int w = sourceWords[lo + i];
                float p = Suggestible(w) ? sourceProbs[lo + i] + 0f : float.NegativeInfinity; // + 0 turns −0 into +0
                keys[i] = ((ulong)DescendingKey(p) << 32) | (uint)w;
                items[i] = lo + i;
            }
            Array.Sort(keys, items, 0, length);
            for (int i = 0; i < length; i++)
            {
                int g = items[i];
                int w = sourceWords[g];
                words[lo + i] = w;
                probs[lo + i] = Suggestible(w) ? sourceProbs[g] + 0f : float.NegativeInfinity;
            }
        }

        // Unsigned key whose ascending order is the descending order of p (−∞ last).
        private static uint DescendingKey(float p)
        {
            uint bits = BitConverter.SingleToUInt32Bits(-p);
            return (bits & 0x8000_0000u) != 0 ? ~bits : bits | 0x8000_0000u;
        }
    }
}
