namespace Microsoft.ML.Data;

/// <summary>Text; cells are <see cref="ReadOnlyMemory{T}"/> of <see cref="char"/>.</summary>
public sealed class TextDataViewType : PrimitiveDataViewType
{
    private TextDataViewType()
        : base(typeof(ReadOnlyMemory<char>))
    {
    }

    /// <summary>The single instance.</summary>
    public static TextDataViewType Instance { get; } = new();

    /// <inheritdoc/>
    public override bool Equals(DataViewType? other) => ReferenceEquals(this, other);

    /// <inheritdoc/>
    public override int GetHashCode() => RawType.GetHashCode();

    /// <summary>Returns <c>"String"</c>, as ML.NET does.</summary>
    public override string ToString() => "String";
}
