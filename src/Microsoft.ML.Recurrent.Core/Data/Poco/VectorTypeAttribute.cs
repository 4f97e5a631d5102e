namespace Microsoft.ML.Data;

/// <summary>An array or <see cref="VBuffer{T}"/> member is a vector of known size (or variable when the size is 0 or omitted).</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class VectorTypeAttribute : Attribute
{
    /// <summary>A variable-length vector.</summary>
    public VectorTypeAttribute()
        : this(0)
    {
    }

    /// <summary>A vector of <paramref name="size"/> items (0: variable).</summary>
    public VectorTypeAttribute(int size)
        : this([size])
    {
    }

    /// <summary>A vector with the given row-major dimensions (stored flat in a one-dimensional array).</summary>
    public VectorTypeAttribute(params int[] dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        if (dimensions.Length == 0 || dimensions.Any(d => d < 0))
            throw new ArgumentOutOfRangeException(nameof(dimensions), "Vector dimensions must be non-negative and at least one must be given.");
        Dimensions = dimensions;
    }

    /// <summary>The dimensions.</summary>
    public IReadOnlyList<int> Dimensions { get; }

    /// <summary>Product of the dimensions (0: variable).</summary>
    public int Size => Dimensions.Aggregate(1, (a, b) => checked(a * b));
}
