using System.Runtime.InteropServices;

namespace Microsoft.ML.Recurrent.Text;

/// <summary>
/// Learns a <see cref="BytePairEncoding"/> from text: add text with <see cref="AddText"/>, then call
/// <see cref="Train"/>. Deterministic: the same text in any order gives the same rules.
/// </summary>
/// <remarks>
/// <para>Counting: text is cut into chunks (<see cref="BpePreTokenizer"/>) and each distinct chunk is kept once with
/// its count, as a sequence of byte ids.</para>
/// <para>Merging is incremental: pair counts are kept in a table and a priority queue, and each merge only revisits
/// the chunks that hold the merged pair (an index from pair to chunks), updating the counts of the pairs around it.
/// Nothing is recounted per merge. Queue entries whose count has changed since they were pushed are skipped when popped.</para>
/// <para>Tie-breaking: the most frequent pair wins; among equal counts the pair with the smaller left id, then the
/// smaller right id. A pair is merged at most once (if it forms again after its merge, it stays two tokens).</para>
/// </remarks>
public sealed class BytePairEncodingTrainer
{
    private readonly BytePairEncodingTrainerOptions _options;
    private readonly Dictionary<string, long> _chunkCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> _chunkLookup;

    /// <summary>Creates a trainer.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public BytePairEncodingTrainer(BytePairEncodingTrainerOptions? options = null)
    {
        _options = options ?? new BytePairEncodingTrainerOptions();
        _options.Validate();
        _chunkLookup = _chunkCounts.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>True when the last <see cref="Train"/> stopped before reaching the requested vocabulary size,
    /// because no remaining pair occurred <see cref="BytePairEncodingTrainerOptions.MinimumPairCount"/> times.</summary>
    public bool StoppedEarly { get; private set; }

    /// <summary>Counts the chunks of <paramref name="text"/>.</summary>
    public void AddText(ReadOnlySpan<char> text)
    {
        int start = 0;
        while (start < text.Length)
        {
            int length = BpePreTokenizer.NextChunk(text, start);
            ReadOnlySpan<char> chunk = text.Slice(start, length);
            ref long count = ref CollectionsMarshal.GetValueRefOrAddDefault(_chunkLookup, chunk, out _);
            count++;
            start += length;
        }
    }

    /// <summary>Learns merge rules until the vocabulary has the requested size or no pair is frequent enough.</summary>
    public BytePairEncoding Train(CancellationToken cancellationToken = default)
    {
        int targetMerges = _options.VocabularySize - BytePairEncoding.ByteTokenCount;
        var words = new List<int[]>(_chunkCounts.Count);
        var frequencies = new List<long>(_chunkCounts.Count);
        // Chunks in ordinal order, so the pair-to-chunk index (and hence nothing observable) depends on insertion order.
        var chunks = new List<string>(_chunkCounts.Keys);
        chunks.Sort(StringComparer.Ordinal);
        Span<byte> bytes = stackalloc byte[BpePreTokenizer.MaxChunkLength * Wtf8.MaxBytesPerChar];
        foreach (string chunk in chunks)
        {
            int n = Wtf8.Encode(chunk, bytes);
            var symbols = new int[n];
            for (int k = 0; k < n; k++)
                symbols[k] = bytes[k];
            words.Add(symbols);
            frequencies.Add(_chunkCounts[chunk]);
        }

        var pairCounts = new Dictionary<long, long>(PairKeyComparer.Instance);
        var pairWords = new Dictionary<long, List<int>>(PairKeyComparer.Instance);
        for (int w = 0; w < words.Count; w++)
        {
            int[] s = words[w];
            for (int k = 0; k + 1 < s.Length; k++)
            {
                long key = BytePairEncoding.PairKey(s[k], s[k + 1]);
                CollectionsMarshal.GetValueRefOrAddDefault(pairCounts, key, out _) += frequencies[w];
                ref List<int>? list = ref CollectionsMarshal.GetValueRefOrAddDefault(pairWords, key, out _);
                (list ??= []).Add(w);
            }
        }

        var queue = new PriorityQueue<long, (long Count, long Pair)>(pairCounts.Count, PairPriority.Instance);
        foreach (var (pair, count) in pairCounts)
            queue.Enqueue(pair, (count, pair));

        var merges = new List<(int, int)>(Math.Max(targetMerges, 0));
        var merged = new HashSet<long>(PairKeyComparer.Instance);
        var stamp = new int[words.Count];
        Array.Fill(stamp, -1);
        var changed = new HashSet<long>(PairKeyComparer.Instance);
        StoppedEarly = false;
        while (merges.Count < targetMerges)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!queue.TryDequeue(out long best, out var priority))
            {
                StoppedEarly = true;
                break;
            }
            if (merged.Contains(best) || !pairCounts.TryGetValue(best, out long current) || current != priority.Count)
                continue;   // stale entry: the pair's count changed after this entry was pushed
            if (current < _options.MinimumPairCount)
            {
                StoppedEarly = true;
                break;
            }
            int left = (int)(best >> 32), right = (int)(uint)best;
            int newId = BytePairEncoding.ByteTokenCount + merges.Count;
            merges.Add((left, right));
            merged.Add(best);
            changed.Clear();
            foreach (int w in pairWords[best])
            {
                if (stamp[w] == merges.Count)
                    continue;   // a chunk is listed once per occurrence of the pair; rewrite it once
                stamp[w] = merges.Count;
                words[w] = MergeInWord(words[w], left, right, newId, frequencies[w], w, pairCounts, pairWords, changed);
            }
            pairWords.Remove(best);
            foreach (long pair in changed)
            {
                if (pair != best && pairCounts.TryGetValue(pair, out long count) && count > 0 && !merged.Contains(pair))
                    queue.Enqueue(pair, (count, pair));
            }
        }
        return new BytePairEncoding(merges);
    }

    // Rewrites one chunk with the pair merged (left to right, non-overlapping) and moves its pair counts.
    private static int[] MergeInWord(int[] s, int left, int right, int newId, long frequency, int word,
        Dictionary<long, long> pairCounts, Dictionary<long, List<int>> pairWords, HashSet<long> changed)
    {
        int occurrences = 0;
        for (int k = 0; k + 1 < s.Length; k++)
        {
            if (s[k] == left && s[k + 1] == right)
            {
                occurrences++;
                k++;
            }
        }
        if (occurrences == 0)
            return s;
        for (int k = 0; k + 1 < s.Length; k++)
        {
            long key = BytePairEncoding.PairKey(s[k], s[k + 1]);
            pairCounts[key] -= frequency;
            changed.Add(key);
        }
        var t = new int[s.Length - occurrences];
        int w = 0;
        for (int k = 0; k < s.Length; k++)
        {
            if (k + 1 < s.Length && s[k] == left && s[k + 1] == right)
            {
                t[w++] = newId;
                k++;
            }
            else
            {
                t[w++] = s[k];
            }
        }
        for (int k = 0; k + 1 < t.Length; k++)
        {
            long key = BytePairEncoding.PairKey(t[k], t[k + 1]);
            CollectionsMarshal.GetValueRefOrAddDefault(pairCounts, key, out _) += frequency;
            changed.Add(key);
            if (t[k] == newId || t[k + 1] == newId)
            {
                ref List<int>? list = ref CollectionsMarshal.GetValueRefOrAddDefault(pairWords, key, out _);
                (list ??= []).Add(word);
            }
        }
        return t;
    }

    // Highest count first; ties go to the smaller pair key (smaller left id, then smaller right id).
    private sealed class PairPriority : IComparer<(long Count, long Pair)>
    {
        public static readonly PairPriority Instance = new();

        public int Compare((long Count, long Pair) x, (long Count, long Pair) y) =>
            x.Count != y.Count ? y.Count.CompareTo(x.Count) : x.Pair.CompareTo(y.Pair);
    }
}
