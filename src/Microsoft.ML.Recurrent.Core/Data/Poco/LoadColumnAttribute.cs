namespace Microsoft.ML.Data;

/// <summary>The field(s) of a text file that fill a member (<c>LoadFromTextFile&lt;T&gt;</c>); several fields make a vector.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class LoadColumnAttribute : Attribute
{
    /// <summary>The zero-based field <paramref name="fieldIndex"/>.</summary>
    public LoadColumnAttribute(int fieldIndex)
        : this([fieldIndex])
    {
    }

    /// <summary>Fields <paramref name="start"/> to <paramref name="end"/> inclusive, as a vector.</summary>
    public LoadColumnAttribute(int start, int end)
        : this(Range(start, end))
    {
    }

    /// <summary>The listed fields, as a vector.</summary>
    public LoadColumnAttribute(int[] columnIndexes)
    {
        ArgumentNullException.ThrowIfNull(columnIndexes);
        if (columnIndexes.Length == 0 || columnIndexes.Any(i => i < 0))
            throw new ArgumentOutOfRangeException(nameof(columnIndexes), "Field indices must be non-negative and at least one must be given.");
        ColumnIndexes = columnIndexes;
    }

    /// <summary>The zero-based field indices.</summary>
    public IReadOnlyList<int> ColumnIndexes { get; }

    private static int[] Range(int start, int end)
    {
        if (start < 0 || end < start)
            throw new ArgumentOutOfRangeException(nameof(end), $"Field range {start}..{end} is invalid.");
        return Enumerable.Range(start, end - start + 1).ToArray();
    }
}
