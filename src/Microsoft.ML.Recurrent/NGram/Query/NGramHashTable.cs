using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Microsoft.ML.Recurrent.NGram.Query;

/// <summary>
/// One order's n-grams for scoring: an open-addressing (linear probing) table keyed by a 64-bit hash of the words,
/// built from the right (<see cref="Extend"/>: the key of w1…wn extends the key of w2…wn by w1), as KenLM's probing
/// model does. Because a key does not depend on the result of the shorter lookup, scoring computes every key of a word
/// first and prefetches all their buckets, so the cache misses of the orders overlap instead of adding up.
/// The slot of an entry is its id, so an entry is only key, log10 probability and log10 back-off: 16 bytes, and the
/// table is at most 3/4 full. Two n-grams with the same 64-bit hash are detected when the table is built.
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

    /// <summary>The key of a unigram (the start of every key).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong UnigramKey(int word) => ((ulong)(uint)word + 1) * 0x9E3779B97F4A7C15UL;

    /// <summary>The key of w1…wn from the key of w2…wn and w1 (never <see cref="EmptyKey"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Extend(ulong suffixKey, int firstWord)
    {
        ulong h = (System.Numerics.BitOperations.RotateLeft(suffixKey, 29) ^ ((ulong)(uint)firstWord + 1)) * 0xC2B2AE3D27D4EB4FUL;
        h ^= h >> 32;
        return h == EmptyKey ? EmptyKey - 1 : h;
    }

    /// <summary>Asks the CPU to load the bucket of <paramref name="key"/> (a hint: never faults, never required).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void Prefetch(ulong key)
    {
        if (System.Runtime.Intrinsics.X86.Sse.IsSupported)
        {
            int i = (int)((key * Multiplier) >> _shift);
            System.Runtime.Intrinsics.X86.Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_entries), i)));
        }
    }

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
