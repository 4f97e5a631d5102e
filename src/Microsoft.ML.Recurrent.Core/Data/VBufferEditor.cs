namespace Microsoft.ML.Data;

/// <summary>Creates <see cref="VBufferEditor{T}"/>s.</summary>
public static class VBufferEditor
{
    /// <summary>
    /// Starts editing <paramref name="destination"/> as a buffer of <paramref name="newLength"/> items with
    /// <paramref name="valuesCount"/> explicit ones (default: all, i.e. dense), reusing its arrays when they are
    /// large enough. Write <see cref="VBufferEditor{T}.Values"/> (and <see cref="VBufferEditor{T}.Indices"/> when
    /// sparse), then call <see cref="VBufferEditor{T}.Commit"/>.
    /// </summary>
    public static VBufferEditor<T> Create<T>(ref VBuffer<T> destination, int newLength, int? valuesCount = null, bool requireIndicesOnDense = false)
    {
        int count = valuesCount ?? newLength;
        if (newLength < 0)
            throw new ArgumentOutOfRangeException(nameof(newLength), newLength, "Length must be non-negative.");
        if (count < 0 || count > newLength)
            throw new ArgumentOutOfRangeException(nameof(valuesCount), count, $"Values count must be in 0..{newLength}.");
        T[] values = destination.ValuesArray is { } v && v.Length >= count ? v : new T[Math.Max(count, 1)];
        int[]? indices = destination.IndicesArray;
        if ((count < newLength || requireIndicesOnDense) && (indices is null || indices.Length < count))
            indices = new int[Math.Max(count, 1)];
        return new VBufferEditor<T>(newLength, count, values, indices);
    }
}

/// <summary>Writable view over the arrays of a <see cref="VBuffer{T}"/> being built; see <see cref="VBufferEditor.Create"/>.</summary>
public readonly ref struct VBufferEditor<T>
{
    private readonly int _length;
    private readonly int _count;
    private readonly T[] _values;
    private readonly int[]? _indices;

    internal VBufferEditor(int length, int count, T[] values, int[]? indices)
    {
        _length = length;
        _count = count;
        _values = values;
        _indices = indices;
        Values = new Span<T>(values, 0, count);
        Indices = indices is null ? Span<int>.Empty : new Span<int>(indices, 0, Math.Min(count, indices.Length));
    }

    /// <summary>The explicit values to write.</summary>
    public Span<T> Values { get; }

    /// <summary>The indices to write when the buffer is sparse (increasing order).</summary>
    public Span<int> Indices { get; }

    /// <summary>Finishes editing and returns the buffer.</summary>
    public VBuffer<T> Commit() => new(_length, _count, _values, _indices);
}
