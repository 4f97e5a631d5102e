using System.Runtime.CompilerServices;

namespace Microsoft.ML.Recurrent.Tensors;

/// <summary>
/// The dimensions of a tensor, outermost first (row-major): rank 0 (a scalar) to rank 4.
/// </summary>
/// <remarks>
/// A value type holding its dimensions inline, so creating a tensor allocates no dimension array
/// (a training step creates dozens of tensors). Four dimensions cover every layout the engine uses:
/// (T, B, H) sequences, (L·D, B, H) recurrent states, (N, C) logits.
/// </remarks>
public readonly struct Shape : IEquatable<Shape>
{
    /// <summary>The largest rank a shape can have.</summary>
    public const int MaxRank = 4;

    private readonly int _d0, _d1, _d2, _d3;

    // default(Shape) is the scalar shape: rank 0, one element (hence Length is computed, not stored, for rank 0).

    /// <summary>Creates a shape from its dimensions, outermost first.</summary>
    /// <exception cref="ArgumentException">More than <see cref="MaxRank"/> dimensions, a negative dimension,
    /// or more than <see cref="int.MaxValue"/> elements in all.</exception>
    public Shape(params ReadOnlySpan<int> dims)
    {
        if (dims.Length > MaxRank)
        {
            throw new ArgumentException($"A shape has at most {MaxRank} dimensions; got {dims.Length}.", nameof(dims));
        }
        long length = 1;
        for (int i = 0; i < dims.Length; i++)
        {
            if (dims[i] < 0)
            {
                throw new ArgumentException($"Dimension {i} is {dims[i]}; dimensions must be >= 0.", nameof(dims));
            }
            length *= dims[i];
            if (length > int.MaxValue)
            {
                throw new ArgumentException($"A shape holds at most {int.MaxValue} elements.", nameof(dims));
            }
        }
        Rank = dims.Length;
        _d0 = dims.Length > 0 ? dims[0] : 0;
        _d1 = dims.Length > 1 ? dims[1] : 0;
        _d2 = dims.Length > 2 ? dims[2] : 0;
        _d3 = dims.Length > 3 ? dims[3] : 0;
        _length = (int)length;
    }

    /// <summary>Number of dimensions (0 for a scalar).</summary>
    public int Rank { get; }

    /// <summary>Number of elements: the product of the dimensions (1 for a scalar).</summary>
    public int Length => Rank == 0 ? 1 : _length;

    private readonly int _length;

    /// <summary>Dimension <paramref name="axis"/>; negative axes count from the end (-1 is the last).</summary>
    public int this[int axis]
    {
        get
        {
            int a = axis < 0 ? axis + Rank : axis;
            if ((uint)a >= (uint)Rank)
            {
                ThrowAxis(axis, Rank);
            }
            return a switch { 0 => _d0, 1 => _d1, 2 => _d2, _ => _d3 };
        }
    }

    /// <summary>The last dimension (1 for a scalar): the row width of the row-major layout.</summary>
    public int Last => Rank == 0 ? 1 : this[Rank - 1];

    /// <summary>Product of all dimensions but the last: the number of rows of the row-major layout.</summary>
    public int Rows => Rank == 0 ? 1 : (Last == 0 ? 0 : Length / Last);

    /// <summary>True when both shapes have the same rank and dimensions.</summary>
    public bool Equals(Shape other) =>
        Rank == other.Rank && _d0 == other._d0 && _d1 == other._d1 && _d2 == other._d2 && _d3 == other._d3;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Shape s && Equals(s);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Rank, _d0, _d1, _d2, _d3);

    /// <summary>Shape equality.</summary>
    public static bool operator ==(Shape left, Shape right) => left.Equals(right);

    /// <summary>Shape inequality.</summary>
    public static bool operator !=(Shape left, Shape right) => !left.Equals(right);

    /// <summary>The shape as PyTorch prints it, e.g. <c>(35, 20, 650)</c>.</summary>
    public override string ToString()
    {
        return Rank switch
        {
            0 => "()",
            1 => $"({_d0})",
            2 => $"({_d0}, {_d1})",
            3 => $"({_d0}, {_d1}, {_d2})",
            _ => $"({_d0}, {_d1}, {_d2}, {_d3})",
        };
    }

    /// <summary>Copies the dimensions into a new array (for serialization; not for hot paths).</summary>
    public int[] ToArray()
    {
        var dims = new int[Rank];
        for (int i = 0; i < Rank; i++)
        {
            dims[i] = this[i];
        }
        return dims;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowAxis(int axis, int rank) =>
        throw new ArgumentOutOfRangeException(nameof(axis), axis, $"Axis {axis} is outside a shape of rank {rank}.");
}
