using Microsoft.ML.Data;

namespace Microsoft.ML;

public sealed partial class DataOperationsCatalog
{
    /// <summary>
    /// A lazy view over <paramref name="data"/>: one row per object, one column per public field or property
    /// (see <see cref="ColumnNameAttribute"/>, <see cref="VectorTypeAttribute"/>, <see cref="KeyTypeAttribute"/>,
    /// <see cref="NoColumnAttribute"/>). The sequence must be re-enumerable; objects are never modified.
    /// </summary>
    public IDataView LoadFromEnumerable<TRow>(IEnumerable<TRow> data)
        where TRow : class
    {
        ArgumentNullException.ThrowIfNull(data);
        return new EnumerableDataView<TRow>(data, null);
    }

    /// <summary>
    /// As <see cref="LoadFromEnumerable{TRow}(IEnumerable{TRow})"/>, with column types and annotations taken from
    /// <paramref name="schema"/> where it has a column of the same name and raw type (e.g. key counts, vector sizes).
    /// </summary>
    public IDataView LoadFromEnumerable<TRow>(IEnumerable<TRow> data, DataViewSchema schema)
        where TRow : class
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(schema);
        return new EnumerableDataView<TRow>(data, schema);
    }

    /// <summary>
    /// The rows of <paramref name="data"/> as objects: each writable member is filled from the column of its name.
    /// With <paramref name="reuseRowObject"/> one object is refilled for every row (copy it to keep it).
    /// A member without a column throws unless <paramref name="ignoreMissingColumns"/> is true.
    /// </summary>
    public IEnumerable<TRow> CreateEnumerable<TRow>(IDataView data, bool reuseRowObject, bool ignoreMissingColumns = false)
        where TRow : class, new()
    {
        ArgumentNullException.ThrowIfNull(data);
        var binding = PocoBinding<TRow>.Create(data.Schema, ignoreMissingColumns, "CreateEnumerable");
        return Enumerate(data, binding, reuseRowObject);
    }

    private static IEnumerable<TRow> Enumerate<TRow>(IDataView data, PocoBinding<TRow> binding, bool reuseRowObject)
        where TRow : class, new()
    {
        using DataViewRowCursor cursor = data.GetRowCursor(binding.Columns);
        Action<TRow>[] setters = binding.MakeSetters(cursor);
        TRow? reused = reuseRowObject ? new TRow() : null;
        while (cursor.MoveNext())
        {
            TRow row = reused ?? new TRow();
            for (int i = 0; i < setters.Length; i++)
                setters[i](row);
            yield return row;
        }
    }
}
