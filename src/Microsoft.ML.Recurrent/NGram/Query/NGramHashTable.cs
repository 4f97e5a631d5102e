using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Microsoft.ML.Recurrent.NGram.Query;

/// <summary>
/// One order's n-grams for scoring: an open-addressing (linear probing) table keyed by
/// (slot of the suffix w2…wn in the next lower order's table, first word w1), KenLM's reversed-trie idea: a word's
/// matches are found by extending to the left, one lookup per extra word. The slot of an entry is its id, so an entry
/// is only key, log10 probability and log10 back-off: 16 bytes, and the table is at most 3/4 full.
/// </summary>
internal sealed class NGramHashTable
{
    public const ulong EmptyKey = ulong.MaxValue;
    private const ulong Multiplier = 0x9E3779B97F4A7C15UL; // 2^64 / golden ratio: Fibonacci hashing spreads the packed keys

    private readonly Entry[] _entries;
    private readonly int _mask;
    private readonly int _shift;

    public NGramHashTable(int count)
    {
        int bits = 4;
        while ((1L << bits) * 3 < (long)count * 4 + 4) bits++;
        if (bits > 30) throw new InvalidOperationException($"An order with {count} n-grams is too large for one table (at most 2^30 slots).");
        _entries = new Entry[1 << bits];
        _entries.AsSpan().Fill(new Entry { Key = EmptyKey });
        _mask = (1 << bits) - 1;
        _shift = 64 - bits;
    }

    public int Capacity => _entries.Length;

    public int Count { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MakeKey(int suffixSlot, int firstWord) => ((ulong)(uint)suffixSlot << 32) | (uint)firstWord;

    /// <summary>Inserts a new key; returns its slot, or −1 when the key is already there.</summary>
    public int Insert(ulong key, float prob, float backoff)
    {
        int i = (int)((key * Multiplier) >> _shift);
        while (true)
        {
            ref Entry e = ref _entries[i];
            if (e.Key == EmptyKey)
            {
                e.Key = key;
                e.Prob = prob;
                e.Backoff = backoff;
                Count++;
                return i;
            }
            if (e.Key == key) return -1;
            i = (i + 1) & _mask;
        }
    }

    /// <summary>The slot of <paramref name="key"/>, or −1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(ulong key)
    {
        ref Entry first = ref MemoryMarshal.GetArrayDataReference(_entries);
        int i = (int)((key * Multiplier) >> _shift);
        while (true)
        {
            ulong k = Unsafe.Add(ref first, i).Key;
            if (k == key) return i;
            if (k == EmptyKey) return -1;
            i = (i + 1) & _mask;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref readonly Entry At(int slot) => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_entries), slot);

    [StructLayout(LayoutKind.Sequential)]
    public struct Entry
    {
        public ulong Key;
        public float Prob;
        public float Backoff;
    }
}
