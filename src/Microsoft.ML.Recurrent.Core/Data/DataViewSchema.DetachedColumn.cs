namespace Microsoft.ML;

public sealed partial class DataViewSchema
{
    /// <summary>A column description not (yet) attached to a schema.</summary>
    public readonly struct DetachedColumn
    {
        /// <summary>Describes a column named <paramref name="name"/> of type <paramref name="type"/>.</summary>
        public DetachedColumn(string name, Data.DataViewType type, Annotations? annotations = null)
        {
            ArgumentException.ThrowIfNullOrEmpty(name);
            ArgumentNullException.ThrowIfNull(type);
            Name = name;
            Type = type;
            Annotations = annotations ?? Annotations.Empty;
        }

        /// <summary>Detaches <paramref name="column"/> from its schema.</summary>
        public DetachedColumn(Column column)
            : this(column.Name, column.Type, column.Annotations)
        {
        }

        /// <summary>The column's name.</summary>
        public string Name { get; }

        /// <summary>The column's type.</summary>
        public Data.DataViewType Type { get; }

        /// <summary>The column's annotations.</summary>
        public Annotations Annotations { get; }
    }
}
