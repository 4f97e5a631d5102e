using System.Runtime.CompilerServices;

namespace Microsoft.ML.Recurrent.NGram.Query;

/// <summary>
/// Scoring structures built from <see cref="NGramModelData"/>: unigram arrays indexed by word id and one
/// <see cref="NGramHashTable"/> per higher order. Scoring follows KenLM's query exactly: the longest match of the new
/// word with the state's context gives the probability, plus the back-offs of the longer contexts that did not match;
/// the new state is the matched n-gram (at most order − 1 words); an unknown word scores p(unknown) plus all the
/// back-offs and empties the state.
/// </summary>
internal sealed class NGramQueryTables
{
    private readonly float[] _unigramProb;
    private readonly float[] _unigramBackoff;
    private readonly NGramHashTable[] _tables;   // orders 2..N at 0..N−2
    private readonly bool _addKScoring;

    public NGramQueryTables(NGramModelData data, bool addKScoring)
    {
        Data = data;
        Order = data.Order;
        VocabularySize = data.Words.Length;
        _unigramProb = data.UnigramProb;
        _unigramBackoff = data.UnigramBackoff;
        _addKScoring = addKScoring;
        _tables = new NGramHashTable[Order - 1];
        ChildStart = new int[Order - 1][];
        IndexOfSlot = new int[Order - 1][];
        SlotOfIndex = new int[Order - 1][];

        int[] previousFirstWord = [];
        int[] previousSuffix = [];
        ulong[] previousKeys = new ulong[VocabularySize];
        for (int w = 0; w < VocabularySize; w++) previousKeys[w] = NGramHashTable.UnigramKey(w);
        for (int k = 2; k <= Order; k++)
        {
            var order = data.Higher[k - 2];
            int lowerCount = k == 2 ? VocabularySize : data.Higher[k - 3].Count;
            ChildStart[k - 2] = BuildChildStart(order, lowerCount);
            var table = new NGramHashTable(order.Count);
            var firstWord = new int[order.Count];
            var suffix = new int[order.Count];
            var slots = new int[order.Count];
            var keys = new ulong[order.Count];
            for (int g = 0; g < order.Count; g++)
            {
                int context = order.Context[g];
                int word = order.Word[g];
                firstWord[g] = k == 2 ? context : previousFirstWord[context];
                suffix[g] = k == 2 ? word : FindChild(k - 1, previousSuffix[context], word);
                if (suffix[g] < 0)
                    throw new InvalidDataException($"The {k}-gram '{Describe(k, g)}' has no {k - 1}-gram suffix in the model; every n-gram's last n−1 words must be an n-gram too.");
                keys[g] = NGramHashTable.Extend(previousKeys[suffix[g]], firstWord[g]);
                int slot = table.Insert(keys[g], order.Prob[g], order.Backoff[g]);
                if (slot < 0)
                    throw new InvalidDataException($"The {k}-gram '{Describe(k, g)}' has the same 64-bit hash as another {k}-gram (or occurs twice); the model cannot be indexed.");
                slots[g] = slot;
            }
            _tables[k - 2] = table;
            SlotOfIndex[k - 2] = slots;
            if (k < Order)
            {
                var indexOfSlot = new int[table.Capacity];
                Array.Fill(indexOfSlot, -1);
                for (int g = 0; g < slots.Length; g++) indexOfSlot[slots[g]] = g;
                IndexOfSlot[k - 2] = indexOfSlot;
            }
            previousFirstWord = firstWord;
            previousSuffix = suffix;
            previousKeys = keys;
        }
    }

    public NGramModelData Data { get; }

    public int Order { get; }

    public int VocabularySize { get; }

    /// <summary>For order k at [k−2]: the first index of each context's n-grams (CSR over the context index), length count(k−1)+1.</summary>
    public int[][] ChildStart { get; }

    /// <summary>For order k at [k−2]: slot → index in <see cref="NGramModelData"/> (orders below N only), −1 for empty slots.</summary>
    public int[][] IndexOfSlot { get; }

    /// <summary>For order k at [k−2]: index → slot.</summary>
    public int[][] SlotOfIndex { get; }

    public float UnigramLogProb(int word) => _unigramProb[word];

    /// <summary>The state at the start of a sentence: the context <c>&lt;s&gt;</c> (empty for a unigram model).</summary>
    public NGramState Begin()
    {
        var state = default(NGramState);
        if (Order > 1)
        {
            state.Words[0] = TokenizedCorpusIds.Begin;
            state.Slots[0] = TokenizedCorpusIds.Begin;
            state.Backoffs[0] = _unigramBackoff[TokenizedCorpusIds.Begin];
            state.Length = 1;
        }
        return state;
    }

    /// <summary>log10 p(word | state); <paramref name="matched"/> is the length of the n-gram that matched (0 for an unknown word).</summary>
    /// <remarks>
    /// Callers often pass the same variable as <paramref name="state"/> and <paramref name="next"/>: all reads of the
    /// state happen before the first write, and the words are shifted from the end, so aliasing is safe without copying
    /// the whole state.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    [SkipLocalsInit] // the scratch spans below are written before they are read: zeroing 256 bytes per word is waste
    public float Score(in NGramState state, int word, out NGramState next, out int matched)
    {
        Unsafe.SkipInit(out next);
        int length = state.Length;
        if ((uint)word >= (uint)VocabularySize || word == TokenizedCorpusIds.Unknown || word == TokenizedCorpusIds.Begin)
            return ScoreUnknown(state, out next, out matched);

        // Spans sliced to the state's length once, so that the loops below run without bounds checks.
        ReadOnlySpan<NGramHashTable> tables = _tables.AsSpan(0, length);
        ReadOnlySpan<int> words = ((ReadOnlySpan<int>)state.Words)[..length];
        ReadOnlySpan<float> contextBackoffs = ((ReadOnlySpan<float>)state.Backoffs)[..length];

        // Lookups first (reading the state only), remembering the slots and back-offs of the matched n-grams.
        Span<int> slots = stackalloc int[NGramOptions.MaxOrder];
        Span<float> backoffs = stackalloc float[NGramOptions.MaxOrder];
        Span<ulong> keys = stackalloc ulong[NGramOptions.MaxOrder];
        keys = keys[..tables.Length];
        ulong key = NGramHashTable.UnigramKey(word);
        for (int j = 0; j < keys.Length; j++)
        {
            key = NGramHashTable.Extend(key, words[j]);
            keys[j] = key;
            tables[j].Prefetch(key);
        }
        float prob = _unigramProb[word];
        slots[0] = word;
        backoffs[0] = _unigramBackoff[word];
        int found = 1;
        for (int j = 0; j < keys.Length; j++)
        {
            var table = tables[j];
            int s = table.Find(keys[j]);
            if (s < 0) break;
            ref readonly var entry = ref table.At(s);
            prob = entry.Prob;
            slots[found] = s;
            backoffs[found] = entry.Backoff;
            found++;
        }
        if (_addKScoring)
        {
            if (found <= length) prob = contextBackoffs[length - 1];
        }
        else
        {
            for (int j = found - 1; j < contextBackoffs.Length; j++) prob += contextBackoffs[j];
        }

        // Then the new state: the matched n-gram, at most order − 1 words, newest first.
        int keep = Math.Min(found, Order - 1);
        for (int i = keep - 1; i >= 1; i--) next.Words[i] = state.Words[i - 1];
        next.Words[0] = word;
        slots[..keep].CopyTo(next.Slots);
        backoffs[..keep].CopyTo(next.Backoffs);
        next.Length = keep;
        matched = found;
        return prob;
    }

    /// <summary>
    /// Asks the CPU to load the buckets that scoring token <paramref name="t"/> of <paramref name="sentence"/> (word
    /// ids after <c>&lt;s&gt;</c>; t = its length means <c>&lt;/s&gt;</c>) will probe. The keys depend only on the
    /// words (the state is a suffix of the sentence so far), so this can run a few tokens ahead of scoring and the
    /// memory latency of successive tokens overlaps. A hint: it never changes a result.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PrefetchToken(ReadOnlySpan<int> sentence, int t)
    {
        int word = t < sentence.Length ? sentence[t] : TokenizedCorpusIds.End;
        ulong key = NGramHashTable.UnigramKey(word);
        var tables = _tables;
        for (int j = 0; j < tables.Length; j++)
        {
            int h = t - 1 - j;
            int context = h >= 0 ? sentence[h] : TokenizedCorpusIds.Begin;
            if ((uint)context >= (uint)VocabularySize || context == TokenizedCorpusIds.Unknown) return; // the state stops there
            key = NGramHashTable.Extend(key, context);
            tables[j].Prefetch(key);
            if (h < 0) return; // nothing before <s>
        }
    }

    // KenLM: an unknown word gets p(<unk>) plus every back-off of the context, and the context is forgotten.
    private float ScoreUnknown(in NGramState state, out NGramState next, out int matched)
    {
        Unsafe.SkipInit(out next);
        int length = state.Length;
        float unknown = _unigramProb[TokenizedCorpusIds.Unknown];
        matched = 0;
        if (_addKScoring) unknown = length == 0 ? unknown : state.Backoffs[length - 1];
        else for (int j = 0; j < length; j++) unknown += state.Backoffs[j];
        next.Length = 0;
        return unknown;
    }

    /// <summary>Index (in order k's data) of the child of context <paramref name="context"/> (an index of order k−1) ending in <paramref name="word"/>, or −1.</summary>
    /// <remarks>
    /// A branch-free binary search (the halving step compiles to a conditional move): the suggestion and sampling
    /// loops call this for words in no particular order, so the branches of a classic search would mispredict half the
    /// time, which cost more than the comparisons.
    /// </remarks>
    public int FindChild(int k, int context, int word)
    {
        if (k == 1) return word;
        var start = ChildStart[k - 2];
        int lo = start[context];
        int count = start[context + 1] - lo;
        if (count <= 0) return -1;
        ref int first = ref Data.Higher[k - 2].Word.AsSpan(lo, count)[0];
        int b = 0;
        for (int n = count; n > 1; n -= n >>> 1)
        {
            int half = n >>> 1;
            b = Unsafe.Add(ref first, b + half) <= word ? b + half : b;
        }
        return Unsafe.Add(ref first, b) == word ? lo + b : -1;
    }

    /// <summary>The words of n-gram <paramref name="index"/> of order <paramref name="k"/>, for messages.</summary>
    public string Describe(int k, int index) => NGramText.Describe(Data, k, index);

    private static int[] BuildChildStart(NGramOrderData order, int contextCount)
    {
        var start = new int[contextCount + 1];
        foreach (int c in order.Context) start[c + 1]++;
        for (int i = 0; i < contextCount; i++) start[i + 1] += start[i];
        return start;
    }
}
