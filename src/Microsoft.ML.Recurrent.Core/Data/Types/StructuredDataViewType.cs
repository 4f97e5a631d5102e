namespace Microsoft.ML.Data;

/// <summary>A type whose values are made of several items (vectors).</summary>
public abstract class StructuredDataViewType : DataViewType
{
    /// <summary>Creates a structured type over <paramref name="rawType"/>.</summary>
    protected StructuredDataViewType(Type rawType)
        : base(rawType)
    {
    }
}
