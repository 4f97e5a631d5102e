using System.Runtime.CompilerServices;

namespace Microsoft.ML.Recurrent.NGram.Estimation;

/// <summary>
/// Stable least-significant-digit radix sort of 64-bit keys carrying an int payload. Counting sorts n-gram keys this
/// way because it is linear and streams memory, where a hash table per order would miss the cache on every token.
/// Digits are 11 bits (2,048 buckets: the histogram stays in L1), and only the significant bits are sorted.
/// </summary>
internal static class RadixSort
{
    private const int DigitBits = 11;
    private const int Buckets = 1 << DigitBits;

    /// <summary>
    /// Sorts the first <paramref name="count"/> entries of <paramref name="keys"/>/<paramref name="values"/> by key.
    /// The scratch arrays must be as long; on return the sorted data may be in either pair, which is swapped into
    /// <paramref name="keys"/>/<paramref name="values"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Sort(ref ulong[] keys, ref int[] values, ref ulong[] keyScratch, ref int[] valueScratch, int count, int keyBits)
    {
        var histogram = new int[Buckets];
        for (int shift = 0; shift < keyBits; shift += DigitBits)
        {
            Array.Clear(histogram);
            var k = keys;
            for (int i = 0; i < count; i++) histogram[(int)(k[i] >> shift) & (Buckets - 1)]++;
            int sum = 0;
            for (int b = 0; b < Buckets; b++)
            {
                int c = histogram[b];
                histogram[b] = sum;
                sum += c;
            }
            var v = values;
            var ko = keyScratch;
            var vo = valueScratch;
            for (int i = 0; i < count; i++)
            {
                ulong key = k[i];
                int dest = histogram[(int)(key >> shift) & (Buckets - 1)]++;
                ko[dest] = key;
                vo[dest] = v[i];
            }
            (keys, keyScratch) = (keyScratch, keys);
            (values, valueScratch) = (valueScratch, values);
        }
    }

    /// <summary>Number of bits needed to hold values below <paramref name="exclusiveBound"/> (at least 1).</summary>
    public static int BitsFor(long exclusiveBound)
    {
        int bits = 1;
        while (bits < 63 && (1L << bits) < exclusiveBound) bits++;
        return bits;
    }
}
