using System.Runtime.InteropServices;
using Microsoft.ML.Data;

namespace Microsoft.ML;

/// <summary>
/// Stable 64-bit hashes for splitting rows (not <see cref="string.GetHashCode()"/>, which changes per process):
/// the same seed and value always give the same side of a split.
/// </summary>
internal static class RowHash
{
    // SplitMix64 finalizer (Steele et al. 2014): a cheap, well-mixed bijection of 64-bit values.
    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    /// <summary>A value in [0, 1) from a hash.</summary>
    public static double ToUnit(ulong hash) => (hash >> 11) * (1.0 / (1UL << 53));

    /// <summary>A function hashing the current value of <paramref name="column"/> of <paramref name="row"/>.</summary>
    public static Func<ulong> MakeHasher(DataViewRow row, DataViewSchema.Column column, ulong seed)
    {
        switch (column.Type)
        {
            case TextDataViewType:
            {
                ValueGetter<ReadOnlyMemory<char>> getter = row.GetGetter<ReadOnlyMemory<char>>(column);
                ReadOnlyMemory<char> value = default;
                return () =>
                {
                    getter(ref value);
                    ulong h = Mix(seed);
                    foreach (ulong word in MemoryMarshal.Cast<char, ushort>(value.Span))
                        h = Mix(h ^ word);
                    return Mix(h ^ (ulong)value.Length);
                };
            }
            case NumberDataViewType or KeyDataViewType or BooleanDataViewType:
                return (Func<ulong>)typeof(RowHash).GetMethod(nameof(ScalarHasher), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                    .MakeGenericMethod(column.Type.RawType).Invoke(null, [row, column, seed])!;
            default:
                throw new SchemaMismatchException("TrainTestSplit", column.Name, "a text, number, key or boolean sampling key column", column.Type.ToString()!);
        }
    }

    private static Func<ulong> ScalarHasher<T>(DataViewRow row, DataViewSchema.Column column, ulong seed)
        where T : unmanaged
    {
        ValueGetter<T> getter = row.GetGetter<T>(column);
        T value = default;
        return () =>
        {
            getter(ref value);
            ulong bits = 0;
            MemoryMarshal.Write(MemoryMarshal.AsBytes(new Span<ulong>(ref bits)), in value);
            return Mix(Mix(seed) ^ bits);
        };
    }
}
