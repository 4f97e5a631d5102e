using System.Collections;

namespace Microsoft.ML;

/// <summary>
/// The columns of an <see cref="IDataView"/>: names, types and annotations. Immutable. Duplicate names are
/// allowed: a name finds the column with the highest index; earlier ones are hidden (reachable by index only).
/// </summary>
public sealed partial class DataViewSchema : IReadOnlyList<DataViewSchema.Column>
{
    private readonly Column[] _columns;
    private readonly Dictionary<string, int> _nameToIndex;

    internal DataViewSchema(IReadOnlyList<DetachedColumn> columns)
    {
        _columns = new Column[columns.Count];
        _nameToIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < columns.Count; i++)
            _nameToIndex[columns[i].Name] = i;
        for (int i = 0; i < columns.Count; i++)
        {
            DetachedColumn c = columns[i];
            _columns[i] = new Column(c.Name, i, _nameToIndex[c.Name] != i, c.Type, c.Annotations);
        }
    }

    /// <summary>Number of columns, hidden ones included.</summary>
    public int Count => _columns.Length;

    /// <summary>The column at <paramref name="columnIndex"/>.</summary>
    public Column this[int columnIndex]
    {
        get
        {
            if ((uint)columnIndex >= (uint)_columns.Length)
                throw new ArgumentOutOfRangeException(nameof(columnIndex), columnIndex, $"Column index must be in 0..{_columns.Length - 1}.");
            return _columns[columnIndex];
        }
    }

    /// <summary>The visible column named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such column; the message lists the available ones.</exception>
    public Column this[string name]
        => GetColumnOrNull(name) ?? throw new ArgumentOutOfRangeException(nameof(name), $"Column '{name}' not found. Available columns: {DescribeNames()}.");

    /// <summary>The visible column named <paramref name="name"/>, or null.</summary>
    public Column? GetColumnOrNull(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _nameToIndex.TryGetValue(name, out int index) ? _columns[index] : null;
    }

    /// <inheritdoc/>
    public IEnumerator<Column> GetEnumerator() => ((IEnumerable<Column>)_columns).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Returns <c>"{Count} columns"</c>.</summary>
    public override string ToString() => $"{Count} columns";

    /// <summary>Builds a schema from detached columns.</summary>
    public static DataViewSchema Create(IEnumerable<DetachedColumn> columns) => new(columns.ToList());

    internal string DescribeNames()
        => _columns.Length == 0 ? "(none)" : string.Join(", ", _columns.Where(c => !c.IsHidden).Select(c => $"'{c.Name}' ({c.Type})"));
}
