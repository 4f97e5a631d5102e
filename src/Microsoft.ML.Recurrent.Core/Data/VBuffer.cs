namespace Microsoft.ML.Data;

/// <summary>
/// A vector value, dense or sparse. Dense: <see cref="GetValues"/> holds all <see cref="Length"/> items.
/// Sparse: <see cref="GetValues"/> and <see cref="GetIndices"/> hold the explicit (index, value) pairs in
/// increasing index order; every other item is <c>default(T)</c>. The arrays may be longer than needed
/// and are reused by getters through <see cref="VBufferEditor{T}"/>, so a caller must copy a buffer it
/// wants to keep after the next getter call.
/// </summary>
public readonly struct VBuffer<T>
{
    private readonly T[]? _values;
    private readonly int[]? _indices;
    private readonly int _count;

    /// <summary>Creates a dense buffer of <paramref name="length"/> items (or a sparse one when <paramref name="indices"/> is given, with <paramref name="length"/> explicit items).</summary>
    public VBuffer(int length, T[] values, int[]? indices = null)
        : this(length, length, values, indices)
    {
    }

    /// <summary>Creates a buffer of <paramref name="length"/> items, of which <paramref name="count"/> are explicit.</summary>
    /// <exception cref="ArgumentException">The arrays are too short, or a sparse buffer has no indices.</exception>
    public VBuffer(int length, int count, T[] values, int[]? indices)
    {
        if (length < 0)
            throw new ArgumentOutOfRangeException(nameof(length), length, "Length must be non-negative.");
        if (count < 0 || count > length)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"Count must be in 0..{length}.");
        if ((values?.Length ?? 0) < count)
            throw new ArgumentException($"Values array holds {values?.Length ?? 0} items, fewer than count {count}.", nameof(values));
        if (count < length && (indices?.Length ?? 0) < count)
            throw new ArgumentException($"A sparse buffer ({count} of {length}) needs at least {count} indices.", nameof(indices));
        Length = length;
        _count = count;
        _values = values;
        _indices = indices;
    }

    /// <summary>Logical number of items.</summary>
    public int Length { get; }

    /// <summary>True when every item is stored explicitly.</summary>
    public bool IsDense => _count == Length;

    /// <summary>The explicit values: all items when dense, the non-default ones when sparse.</summary>
    public ReadOnlySpan<T> GetValues() => _values is null ? ReadOnlySpan<T>.Empty : new ReadOnlySpan<T>(_values, 0, _count);

    /// <summary>The indices of the explicit values; empty when dense.</summary>
    public ReadOnlySpan<int> GetIndices() => IsDense || _indices is null ? ReadOnlySpan<int>.Empty : new ReadOnlySpan<int>(_indices, 0, _count);

    /// <summary>The item at <paramref name="index"/> (default for an implicit sparse item).</summary>
    public T GetItemOrDefault(int index)
    {
        if ((uint)index >= (uint)Length)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Index must be in 0..{Length - 1}.");
        if (IsDense)
            return _values![index];
        int found = GetIndices().BinarySearch(index);
        return found >= 0 ? _values![found] : default!;
    }

    /// <summary>Copies all <see cref="Length"/> items densely into <paramref name="destination"/>.</summary>
    public void CopyTo(Span<T> destination)
    {
        if (destination.Length < Length)
            throw new ArgumentException($"Destination holds {destination.Length} items, fewer than the vector's {Length}.", nameof(destination));
        if (IsDense)
        {
            GetValues().CopyTo(destination);
            return;
        }
        destination[..Length].Clear();
        ReadOnlySpan<T> values = GetValues();
        ReadOnlySpan<int> indices = GetIndices();
        for (int i = 0; i < values.Length; i++)
            destination[indices[i]] = values[i];
    }

    /// <summary>Copies this buffer into <paramref name="destination"/>, reusing its arrays when large enough.</summary>
    public void CopyTo(ref VBuffer<T> destination)
    {
        var editor = VBufferEditor.Create(ref destination, Length, _count, requireIndicesOnDense: false);
        GetValues().CopyTo(editor.Values);
        if (!IsDense)
            GetIndices().CopyTo(editor.Indices);
        destination = editor.Commit();
    }

    /// <summary>Copies this buffer densely into <paramref name="destination"/>, reusing its values array when large enough.</summary>
    public void CopyToDense(ref VBuffer<T> destination)
    {
        var editor = VBufferEditor.Create(ref destination, Length);
        CopyTo(editor.Values);
        destination = editor.Commit();
    }

    /// <summary>All items in order, implicit ones as default (allocates; for tests and previews).</summary>
    public IEnumerable<T> DenseValues()
    {
        var dense = new T[Length];
        CopyTo(dense);
        return dense;
    }

    /// <summary>(index, value) pairs: only explicit ones unless <paramref name="all"/> is true (allocates).</summary>
    public IEnumerable<KeyValuePair<int, T>> Items(bool all = false)
    {
        var result = new List<KeyValuePair<int, T>>();
        if (IsDense || all)
        {
            var dense = new T[Length];
            CopyTo(dense);
            for (int i = 0; i < dense.Length; i++)
                result.Add(new KeyValuePair<int, T>(i, dense[i]));
            return result;
        }
        ReadOnlySpan<T> values = GetValues();
        ReadOnlySpan<int> indices = GetIndices();
        for (int i = 0; i < values.Length; i++)
            result.Add(new KeyValuePair<int, T>(indices[i], values[i]));
        return result;
    }

    internal T[]? ValuesArray => _values;

    internal int[]? IndicesArray => _indices;

    /// <summary>Returns e.g. <c>"Vector(3 items, dense)"</c>.</summary>
    public override string ToString() => $"Vector({Length} items, {(IsDense ? "dense" : $"{_count} explicit")})";
}
