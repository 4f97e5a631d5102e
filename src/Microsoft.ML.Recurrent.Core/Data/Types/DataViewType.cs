namespace Microsoft.ML.Data;

/// <summary>
/// The type of a column of an <see cref="IDataView"/>. Only <see cref="PrimitiveDataViewType"/> and
/// <see cref="StructuredDataViewType"/> derive from it directly.
/// </summary>
public abstract class DataViewType : IEquatable<DataViewType>
{
    private protected DataViewType(Type rawType)
    {
        ArgumentNullException.ThrowIfNull(rawType);
        RawType = rawType;
    }

    /// <summary>The .NET type of a cell of this type, e.g. <see cref="ReadOnlyMemory{T}"/> of char for text.</summary>
    public Type RawType { get; }

    /// <inheritdoc/>
    public abstract bool Equals(DataViewType? other);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is DataViewType other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => RawType.GetHashCode();
}
