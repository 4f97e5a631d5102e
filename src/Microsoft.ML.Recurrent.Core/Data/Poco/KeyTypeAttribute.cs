namespace Microsoft.ML.Data;

/// <summary>An unsigned integer member holds keys 1..<see cref="Count"/> (0 = missing).</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class KeyTypeAttribute : Attribute
{
    /// <summary>Not supported: a key type needs its count, as in ML.NET.</summary>
    public KeyTypeAttribute()
        => throw new NotSupportedException("[KeyType] needs the number of keys: use [KeyType(count)].");

    /// <summary>Keys with <paramref name="count"/> valid values.</summary>
    public KeyTypeAttribute(ulong count)
    {
        if (count == 0)
            throw new ArgumentOutOfRangeException(nameof(count), "Key count must be at least 1.");
        Count = count;
    }

    /// <summary>Number of valid keys.</summary>
    public ulong Count { get; }
}
