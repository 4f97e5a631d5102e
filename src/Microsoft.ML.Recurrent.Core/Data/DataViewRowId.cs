namespace Microsoft.ML.Data;

/// <summary>A 128-bit row identifier, unique within a data view.</summary>
public readonly struct DataViewRowId : IEquatable<DataViewRowId>
{
    /// <summary>Creates an identifier from its two halves.</summary>
    public DataViewRowId(ulong low, ulong high)
    {
        Low = low;
        High = high;
    }

    /// <summary>Low 64 bits.</summary>
    public ulong Low { get; }

    /// <summary>High 64 bits.</summary>
    public ulong High { get; }

    /// <inheritdoc/>
    public bool Equals(DataViewRowId other) => Low == other.Low && High == other.High;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is DataViewRowId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Low, High);

    /// <summary>Hexadecimal form.</summary>
    public override string ToString() => $"{High:X16}{Low:X16}";
}
