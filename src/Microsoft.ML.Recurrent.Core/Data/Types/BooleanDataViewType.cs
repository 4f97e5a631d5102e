namespace Microsoft.ML.Data;

/// <summary>Booleans; cells are <see cref="bool"/>.</summary>
public sealed class BooleanDataViewType : PrimitiveDataViewType
{
    private BooleanDataViewType()
        : base(typeof(bool))
    {
    }

    /// <summary>The single instance.</summary>
    public static BooleanDataViewType Instance { get; } = new();

    /// <inheritdoc/>
    public override bool Equals(DataViewType? other) => ReferenceEquals(this, other);

    /// <inheritdoc/>
    public override int GetHashCode() => RawType.GetHashCode();

    /// <summary>Returns <c>"Boolean"</c>.</summary>
    public override string ToString() => "Boolean";
}
