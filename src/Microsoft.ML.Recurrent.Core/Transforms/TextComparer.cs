namespace Microsoft.ML.Transforms;

/// <summary>Ordinal equality of text values by content, so dictionaries look text up without allocating strings.</summary>
internal sealed class TextComparer : IEqualityComparer<ReadOnlyMemory<char>>, IComparer<ReadOnlyMemory<char>>
{
    public static TextComparer Instance { get; } = new();

    public bool Equals(ReadOnlyMemory<char> x, ReadOnlyMemory<char> y) => x.Span.SequenceEqual(y.Span);

    public int GetHashCode(ReadOnlyMemory<char> obj) => string.GetHashCode(obj.Span, StringComparison.Ordinal);

    public int Compare(ReadOnlyMemory<char> x, ReadOnlyMemory<char> y) => x.Span.SequenceCompareTo(y.Span);
}
