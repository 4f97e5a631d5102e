using Microsoft.ML.Data;

namespace Microsoft.ML;

/// <summary>Convenience methods over <see cref="IDataView"/>.</summary>
public static class DataViewExtensions
{
    /// <summary>A cursor computing only <paramref name="columnsNeeded"/> (none: just counts rows).</summary>
    public static DataViewRowCursor GetRowCursor(this IDataView data, params DataViewSchema.Column[] columnsNeeded)
        => data.GetRowCursor((IEnumerable<DataViewSchema.Column>)columnsNeeded);

    /// <summary>A cursor computing every column.</summary>
    public static DataViewRowCursor GetRowCursorForAllColumns(this IDataView data)
        => data.GetRowCursor(data.Schema);

    /// <summary>The values of one column, in row order (vectors are copied per row).</summary>
    public static IEnumerable<T> GetColumn<T>(this IDataView data, string columnName)
        => data.GetColumn<T>(data.Schema[columnName]);

    /// <summary>The values of one column, in row order (vectors are copied per row).</summary>
    public static IEnumerable<T> GetColumn<T>(this IDataView data, DataViewSchema.Column column)
    {
        if (column.Type.RawType != typeof(T))
            throw new InvalidOperationException($"Column '{column.Name}' is of type {column.Type} (raw {column.Type.RawType.Name}), not {typeof(T).Name}.");
        return Iterate(data, column);

        static IEnumerable<T> Iterate(IDataView data, DataViewSchema.Column column)
        {
            using DataViewRowCursor cursor = data.GetRowCursor(column);
            ValueGetter<T> getter = cursor.GetGetter<T>(column);
            while (cursor.MoveNext())
            {
                // A fresh default each row: getters then allocate new buffers, so yielded vectors stay valid.
                T value = default!;
                getter(ref value);
                yield return value;
            }
        }
    }
}
