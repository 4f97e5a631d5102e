namespace Microsoft.ML;

public sealed partial class DataViewSchema
{
    /// <summary>One column of a schema: its name, position, type and annotations.</summary>
    public readonly struct Column
    {
        internal Column(string name, int index, bool isHidden, Data.DataViewType type, Annotations annotations)
        {
            Name = name;
            Index = index;
            IsHidden = isHidden;
            Type = type;
            Annotations = annotations;
        }

        /// <summary>The column's name.</summary>
        public string Name { get; }

        /// <summary>The column's position in its schema.</summary>
        public int Index { get; }

        /// <summary>True when a later column has the same name, so this one is reachable by index only.</summary>
        public bool IsHidden { get; }

        /// <summary>The column's type.</summary>
        public Data.DataViewType Type { get; }

        /// <summary>Per-column metadata (e.g. <c>KeyValues</c>, <c>SlotNames</c>).</summary>
        public Annotations Annotations { get; }

        /// <summary>Returns <c>"Name: Type {annotation names}"</c>.</summary>
        public override string ToString()
            => Annotations.Schema.Count == 0 ? $"{Name}: {Type}" : $"{Name}: {Type} {{{string.Join(", ", Annotations.Schema.Select(a => a.Name))}}}";
    }
}
