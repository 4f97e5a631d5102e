namespace Microsoft.ML.Data;

/// <summary>A type whose values are single items (text, numbers, booleans, keys).</summary>
public abstract class PrimitiveDataViewType : DataViewType
{
    /// <summary>Creates a primitive type over <paramref name="rawType"/>.</summary>
    protected PrimitiveDataViewType(Type rawType)
        : base(rawType)
    {
    }
}
