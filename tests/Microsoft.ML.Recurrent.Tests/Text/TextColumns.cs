using Microsoft.ML;
using Microsoft.ML.Data;

namespace Microsoft.ML.Recurrent.Tests.Text;

/// <summary>Reads whole columns of a data view as plain arrays, for assertions.</summary>
internal static class TextColumns
{
    public static List<string> Texts(IDataView view, string column) => Read(view, column, (ref ReadOnlyMemory<char> v) => v.ToString());

    public static List<string[]> TextVectors(IDataView view, string column) =>
        Read(view, column, (ref VBuffer<ReadOnlyMemory<char>> v) => v.DenseValues().Select(m => m.ToString()).ToArray());

    public static List<T[]> Vectors<T>(IDataView view, string column) => Read(view, column, (ref VBuffer<T> v) => v.DenseValues().ToArray());

    private delegate TOut Convert<TIn, TOut>(ref TIn value);

    private static List<TOut> Read<TIn, TOut>(IDataView view, string column, Convert<TIn, TOut> convert)
    {
        var result = new List<TOut>();
        DataViewSchema.Column col = view.Schema[column];
        using DataViewRowCursor cursor = view.GetRowCursor(col);
        ValueGetter<TIn> getter = cursor.GetGetter<TIn>(col);
        TIn value = default!;
        while (cursor.MoveNext())
        {
            getter(ref value);
            result.Add(convert(ref value));
        }
        return result;
    }
}
