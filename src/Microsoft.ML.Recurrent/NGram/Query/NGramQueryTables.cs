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
        for (int k = 2; k <= Order; k++)
        {
            var order = data.Higher[k - 2];
            int lowerCount = k == 2 ? VocabularySize : data.Higher[k - 3].Count;
            ChildStart[k - 2] = BuildChildStart(order, lowerCount);
            var table = new NGramHashTable(order.Count);
            var firstWord = new int[order.Count];
            var suffix = new int[order.Count];
            var slots = new int[order.Count];
            for (int g = 0; g < order.Count; g++)
            {
                int context = order.Context[g];
                int word = order.Word[g];
                firstWord[g] = k == 2 ? context : previousFirstWord[context];
                suffix[g] = k == 2 ? word : FindChild(k - 1, previousSuffix[context], word);
                if (suffix[g] < 0)
                    throw new InvalidDataException($"The {k}-gram '{Describe(k, g)}' has no {k - 1}-gram suffix in the model; every n-gram's last n−1 words must be an n-gram too.");
                int suffixSlot = k == 2 ? suffix[g] : SlotOfIndex[k - 3][suffix[g]];
                int slot = table.Insert(NGramHashTable.MakeKey(suffixSlot, firstWord[g]), order.Prob[g], order.Backoff[g]);
                if (slot < 0) throw new InvalidDataException($"The {k}-gram '{Describe(k, g)}' occurs twice in the model.");
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public float Score(in NGramState state, int word, out NGramState next, out int matched)
    {
        // Callers pass the same variable as state and next; build the new state apart and copy it out at the end.
        Unsafe.SkipInit(out NGramState result);
        int length = state.Length;
        if ((uint)word >= (uint)VocabularySize || word == TokenizedCorpusIds.Unknown || word == TokenizedCorpusIds.Begin)
        {
            // KenLM: an unknown word gets p(<unk>) plus every back-off of the context, and the context is forgotten.
            float unknown = _unigramProb[TokenizedCorpusIds.Unknown];
            matched = 0;
            if (_addKScoring) unknown = length == 0 ? unknown : state.Backoffs[length - 1];
            else for (int j = 0; j < length; j++) unknown += state.Backoffs[j];
            next = default;
            return unknown;
        }

        float prob = _unigramProb[word];
        result.Words[0] = word;
        result.Slots[0] = word;
        result.Backoffs[0] = _unigramBackoff[word];
        int found = 1;
        int slot = word;
        int keep = Order - 1;
        for (int j = 0; j < length; j++)
        {
            var table = _tables[j];
            int s = table.Find(NGramHashTable.MakeKey(slot, state.Words[j]));
            if (s < 0) break;
            ref readonly var entry = ref table.At(s);
            prob = entry.Prob;
            slot = s;
            if (found < keep)
            {
                result.Words[found] = state.Words[j];
                result.Slots[found] = s;
                result.Backoffs[found] = entry.Backoff;
            }
            found++;
        }
        if (_addKScoring)
        {
            if (found <= length) prob = state.Backoffs[length - 1];
        }
        else
        {
            for (int j = found - 1; j < length; j++) prob += state.Backoffs[j];
        }
        result.Length = Math.Min(found, keep);
        matched = found;
        next = result;
        return prob;
    }

    /// <summary>Index (in order k's data) of the child of context <paramref name="context"/> (an index of order k−1) ending in <paramref name="word"/>, or −1.</summary>
    public int FindChild(int k, int context, int word)
    {
        if (k == 1) return word;
        var start = ChildStart[k - 2];
        var words = Data.Higher[k - 2].Word;
        int lo = start[context], hi = start[context + 1] - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int w = words[mid];
            if (w == word) return mid;
            if (w < word) lo = mid + 1; else hi = mid - 1;
        }
        return -1;
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
