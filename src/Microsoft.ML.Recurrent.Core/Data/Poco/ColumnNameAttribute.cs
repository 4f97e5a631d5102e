namespace Microsoft.ML.Data;

/// <summary>The data view column name of a member (default: the member's name).</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class ColumnNameAttribute : Attribute
{
    /// <summary>Maps the member to column <paramref name="name"/>.</summary>
    public ColumnNameAttribute(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    /// <summary>The column name.</summary>
    public string Name { get; }
}
