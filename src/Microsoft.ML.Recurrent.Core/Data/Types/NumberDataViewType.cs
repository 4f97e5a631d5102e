namespace Microsoft.ML.Data;

/// <summary>Numbers: one singleton per .NET numeric type.</summary>
public sealed class NumberDataViewType : PrimitiveDataViewType
{
    private NumberDataViewType(Type rawType)
        : base(rawType)
    {
    }

    /// <summary><see cref="sbyte"/> numbers.</summary>
    public static NumberDataViewType SByte { get; } = new(typeof(sbyte));

    /// <summary><see cref="byte"/> numbers.</summary>
    public static NumberDataViewType Byte { get; } = new(typeof(byte));

    /// <summary><see cref="short"/> numbers.</summary>
    public static NumberDataViewType Int16 { get; } = new(typeof(short));

    /// <summary><see cref="ushort"/> numbers.</summary>
    public static NumberDataViewType UInt16 { get; } = new(typeof(ushort));

    /// <summary><see cref="int"/> numbers.</summary>
    public static NumberDataViewType Int32 { get; } = new(typeof(int));

    /// <summary><see cref="uint"/> numbers.</summary>
    public static NumberDataViewType UInt32 { get; } = new(typeof(uint));

    /// <summary><see cref="long"/> numbers.</summary>
    public static NumberDataViewType Int64 { get; } = new(typeof(long));

    /// <summary><see cref="ulong"/> numbers.</summary>
    public static NumberDataViewType UInt64 { get; } = new(typeof(ulong));

    /// <summary><see cref="float"/> numbers.</summary>
    public static NumberDataViewType Single { get; } = new(typeof(float));

    /// <summary><see cref="double"/> numbers.</summary>
    public static NumberDataViewType Double { get; } = new(typeof(double));

    /// <summary>The number type whose raw type is <paramref name="rawType"/>, or null when it is not numeric.</summary>
    public static NumberDataViewType? FromRawType(Type rawType)
    {
        if (rawType == typeof(float)) return Single;
        if (rawType == typeof(double)) return Double;
        if (rawType == typeof(int)) return Int32;
        if (rawType == typeof(long)) return Int64;
        if (rawType == typeof(uint)) return UInt32;
        if (rawType == typeof(ulong)) return UInt64;
        if (rawType == typeof(short)) return Int16;
        if (rawType == typeof(ushort)) return UInt16;
        if (rawType == typeof(byte)) return Byte;
        if (rawType == typeof(sbyte)) return SByte;
        return null;
    }

    /// <inheritdoc/>
    public override bool Equals(DataViewType? other) => ReferenceEquals(this, other);

    /// <inheritdoc/>
    public override int GetHashCode() => RawType.GetHashCode();

    /// <summary>The raw type's name, e.g. <c>"Single"</c>.</summary>
    public override string ToString() => RawType.Name;
}
