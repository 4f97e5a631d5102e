namespace Microsoft.ML;

public sealed partial class DataViewSchema
{
    /// <summary>Builds a <see cref="DataViewSchema"/> column by column.</summary>
    public sealed class Builder
    {
        private readonly List<DetachedColumn> _columns = new();

        /// <summary>Adds a column.</summary>
        public void AddColumn(string name, Data.DataViewType type, Annotations? annotations = null)
            => _columns.Add(new DetachedColumn(name, type, annotations));

        /// <summary>Adds columns of another schema (names, types, annotations).</summary>
        public void AddColumns(IEnumerable<Column> source)
        {
            foreach (Column c in source)
                _columns.Add(new DetachedColumn(c));
        }

        /// <summary>Adds detached columns.</summary>
        public void AddColumns(IEnumerable<DetachedColumn> source) => _columns.AddRange(source);

        /// <summary>Creates the schema.</summary>
        public DataViewSchema ToSchema() => new(_columns.ToArray());
    }
}
