using System.Collections.Immutable;

namespace Microsoft.ML.Data;

/// <summary>
/// Vectors of a primitive item type; cells are <see cref="VBuffer{T}"/>. <see cref="Size"/> 0 means
/// variable length (each row may differ).
/// </summary>
public sealed class VectorDataViewType : StructuredDataViewType
{
    /// <summary>Creates a one-dimensional vector type; <paramref name="size"/> 0 (default) = variable length.</summary>
    public VectorDataViewType(PrimitiveDataViewType itemType, int size = 0)
        : base(MakeRawType(itemType))
    {
        if (size < 0)
            throw new ArgumentOutOfRangeException(nameof(size), size, "Vector size must be 0 (variable) or positive.");
        ItemType = itemType;
        Dimensions = ImmutableArray.Create(size);
        Size = size;
    }

    /// <summary>Creates a vector type with the given row-major dimensions; a 0 dimension makes it variable length.</summary>
    public VectorDataViewType(PrimitiveDataViewType itemType, params int[] dimensions)
        : this(itemType, ImmutableArray.Create(dimensions ?? throw new ArgumentNullException(nameof(dimensions))))
    {
    }

    /// <summary>Creates a vector type with the given row-major dimensions.</summary>
    public VectorDataViewType(PrimitiveDataViewType itemType, ImmutableArray<int> dimensions)
        : base(MakeRawType(itemType))
    {
        if (dimensions.IsDefaultOrEmpty)
            throw new ArgumentException("A vector type needs at least one dimension.", nameof(dimensions));
        long size = 1;
        foreach (int d in dimensions)
        {
            if (d < 0)
                throw new ArgumentOutOfRangeException(nameof(dimensions), d, "Vector dimensions must be 0 (variable) or positive.");
            size *= d;
            if (size > int.MaxValue)
                throw new ArgumentOutOfRangeException(nameof(dimensions), "Vector size exceeds Int32.MaxValue.");
        }
        ItemType = itemType;
        Dimensions = dimensions;
        Size = (int)size;
    }

    /// <summary>The type of each item.</summary>
    public PrimitiveDataViewType ItemType { get; }

    /// <summary>Row-major dimensions; a 0 entry means unknown.</summary>
    public ImmutableArray<int> Dimensions { get; }

    /// <summary>Product of the dimensions; 0 when any is unknown (variable length).</summary>
    public int Size { get; }

    /// <summary>True when <see cref="Size"/> is positive.</summary>
    public bool IsKnownSize => Size > 0;

    /// <inheritdoc/>
    public override bool Equals(DataViewType? other)
    {
        if (other is not VectorDataViewType vector || !vector.ItemType.Equals(ItemType) || vector.Dimensions.Length != Dimensions.Length)
            return false;
        for (int i = 0; i < Dimensions.Length; i++)
        {
            if (Dimensions[i] != vector.Dimensions[i])
                return false;
        }
        return true;
    }

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(ItemType, Size, Dimensions.Length);

    /// <summary>Returns e.g. <c>"Vector&lt;Single, 3&gt;"</c>, <c>"Vector&lt;Single&gt;"</c> (variable) or <c>"Vector&lt;Single, 2, *&gt;"</c>.</summary>
    public override string ToString()
    {
        if (Dimensions.Length == 1 && Dimensions[0] == 0)
            return $"Vector<{ItemType}>";
        return $"Vector<{ItemType}, {string.Join(", ", Dimensions.Select(d => d == 0 ? "*" : d.ToString(System.Globalization.CultureInfo.InvariantCulture)))}>";
    }

    private static Type MakeRawType(PrimitiveDataViewType itemType)
    {
        ArgumentNullException.ThrowIfNull(itemType);
        return typeof(VBuffer<>).MakeGenericType(itemType.RawType);
    }
}
