namespace Microsoft.ML.Data;

/// <summary>
/// Keys: one-based indices into a dictionary of <see cref="Count"/> values; 0 means missing.
/// Arithmetic on keys is not meaningful. The raw type is <see cref="byte"/>, <see cref="ushort"/>,
/// <see cref="uint"/> (the usual one) or <see cref="ulong"/>.
/// </summary>
public sealed class KeyDataViewType : PrimitiveDataViewType
{
    /// <summary>Creates a key type over <paramref name="type"/> with <paramref name="count"/> valid values (1..count).</summary>
    /// <exception cref="ArgumentException">The raw type is not an unsigned integer type, or the count is 0 or does not fit it.</exception>
    public KeyDataViewType(Type type, ulong count)
        : base(type)
    {
        if (!IsValidDataType(type))
            throw new ArgumentException($"Key raw type must be Byte, UInt16, UInt32 or UInt64, not {type.Name}.", nameof(type));
        if (count == 0)
            throw new ArgumentOutOfRangeException(nameof(count), count, "Key count must be at least 1.");
        if (count > MaxCount(type))
            throw new ArgumentOutOfRangeException(nameof(count), count, $"Key count {count} does not fit raw type {type.Name} (max {MaxCount(type)}).");
        Count = count;
    }

    /// <summary>Creates a key type over <paramref name="type"/> with <paramref name="count"/> valid values.</summary>
    public KeyDataViewType(Type type, int count)
        : this(type, count > 0 ? (ulong)count : throw new ArgumentOutOfRangeException(nameof(count), count, "Key count must be at least 1."))
    {
    }

    /// <summary>Number of valid key values; values run from 1 to <see cref="Count"/>.</summary>
    public ulong Count { get; }

    /// <summary>True for <see cref="byte"/>, <see cref="ushort"/>, <see cref="uint"/> and <see cref="ulong"/>.</summary>
    public static bool IsValidDataType(Type type)
        => type == typeof(byte) || type == typeof(ushort) || type == typeof(uint) || type == typeof(ulong);

    /// <inheritdoc/>
    public override bool Equals(DataViewType? other)
        => other is KeyDataViewType key && key.RawType == RawType && key.Count == Count;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(RawType, Count);

    /// <summary>Returns e.g. <c>"Key&lt;UInt32, 0-9&gt;"</c>.</summary>
    public override string ToString() => $"Key<{RawType.Name}, 0-{Count - 1}>";

    private static ulong MaxCount(Type type)
        => type == typeof(byte) ? byte.MaxValue : type == typeof(ushort) ? ushort.MaxValue : type == typeof(uint) ? uint.MaxValue : ulong.MaxValue;
}
