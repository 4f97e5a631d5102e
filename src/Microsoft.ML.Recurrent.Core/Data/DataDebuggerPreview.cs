using System.Collections.Immutable;
using System.Reflection;

namespace Microsoft.ML.Data;

/// <summary>
/// The first rows of a data view, read eagerly for inspection in a debugger or a test: text as
/// <see cref="string"/>, vectors as dense arrays, other values as themselves.
/// </summary>
public sealed partial class DataDebuggerPreview
{
    internal DataDebuggerPreview(IDataView data, int maxRows)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRows);
        Schema = data.Schema;
        var columns = data.Schema.Where(c => !c.IsHidden).ToArray();
        var rows = new List<RowInfo>();
        var values = columns.Select(_ => new List<object?>()).ToArray();
        using (DataViewRowCursor cursor = data.GetRowCursor(columns))
        {
            Func<object?>[] readers = columns.Select(c => MakeReader(cursor, c)).ToArray();
            while (rows.Count < maxRows && cursor.MoveNext())
            {
                var row = new KeyValuePair<string, object?>[columns.Length];
                for (int i = 0; i < columns.Length; i++)
                {
                    object? value = readers[i]();
                    row[i] = new(columns[i].Name, value);
                    values[i].Add(value);
                }
                rows.Add(new RowInfo(row));
            }
        }
        RowView = rows.ToImmutableArray();
        ColumnView = columns.Select((c, i) => new ColumnInfo(c, values[i].ToArray())).ToImmutableArray();
    }

    /// <summary>The schema of the data.</summary>
    public DataViewSchema Schema { get; }

    /// <summary>Values by column.</summary>
    public ImmutableArray<ColumnInfo> ColumnView { get; }

    /// <summary>Values by row.</summary>
    public ImmutableArray<RowInfo> RowView { get; }

    /// <summary>Returns e.g. <c>"3 columns, 10 rows"</c>.</summary>
    public override string ToString() => $"{ColumnView.Length} columns, {RowView.Length} rows";

    /// <summary>One column's values.</summary>
    public sealed class ColumnInfo
    {
        internal ColumnInfo(DataViewSchema.Column column, object?[] values)
        {
            Column = column;
            Values = values;
        }

        /// <summary>The column.</summary>
        public DataViewSchema.Column Column { get; }

        /// <summary>Its values, one per previewed row.</summary>
        public object?[] Values { get; }

        /// <summary>Returns e.g. <c>"Text: String"</c>.</summary>
        public override string ToString() => $"{Column.Name}: {Column.Type}";
    }

    /// <summary>One row's values.</summary>
    public sealed class RowInfo
    {
        internal RowInfo(KeyValuePair<string, object?>[] values) => Values = values;

        /// <summary>(column name, value) pairs.</summary>
        public KeyValuePair<string, object?>[] Values { get; }

        /// <summary>Returns <c>"Name: value, ..."</c>.</summary>
        public override string ToString()
            => string.Join(", ", Values.Select(v => $"{v.Key}: {(v.Value is Array a ? "[" + string.Join(", ", a.Cast<object?>()) + "]" : v.Value)}"));
    }

    private static Func<object?> MakeReader(DataViewRow row, DataViewSchema.Column column)
    {
        MethodInfo method = column.Type is VectorDataViewType vector
            ? typeof(DataDebuggerPreview).GetMethod(nameof(VectorReader), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(vector.ItemType.RawType)
            : typeof(DataDebuggerPreview).GetMethod(nameof(ScalarReader), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(column.Type.RawType);
        return (Func<object?>)method.Invoke(null, [row, column])!;
    }

    private static Func<object?> ScalarReader<T>(DataViewRow row, DataViewSchema.Column column)
    {
        ValueGetter<T> getter = row.GetGetter<T>(column);
        return () =>
        {
            T value = default!;
            getter(ref value);
            return value is ReadOnlyMemory<char> text ? text.ToString() : value;
        };
    }

    private static Func<object?> VectorReader<T>(DataViewRow row, DataViewSchema.Column column)
    {
        ValueGetter<VBuffer<T>> getter = row.GetGetter<VBuffer<T>>(column);
        return () =>
        {
            VBuffer<T> value = default;
            getter(ref value);
            T[] dense = value.DenseValues().ToArray();
            return typeof(T) == typeof(ReadOnlyMemory<char>) ? dense.Select(v => v!.ToString()).ToArray() : dense;
        };
    }
}
