using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Data;
using Xunit;

namespace Microsoft.ML.Recurrent.Testing;

/// <summary>Asserts about data views: same schema (names, types) and identical values, cell by cell.</summary>
public static class DataViewAssert
{
    /// <summary>
    /// Asserts that <paramref name="actual"/> has the visible columns of <paramref name="expected"/> with the same
    /// types and bit-identical values in every row (floats compared by bits, NaN equal to NaN).
    /// </summary>
    public static void Equal(IDataView expected, IDataView actual)
    {
        var expectedColumns = expected.Schema.Where(c => !c.IsHidden).ToArray();
        foreach (DataViewSchema.Column e in expectedColumns)
        {
            DataViewSchema.Column? a = actual.Schema.GetColumnOrNull(e.Name);
            Assert.True(a is not null, $"Column '{e.Name}' is missing from the actual data.");
            Assert.True(e.Type.Equals(a!.Value.Type), $"Column '{e.Name}': expected type {e.Type}, actual {a.Value.Type}.");
        }
        List<object?[]> expectedRows = ReadRows(expected, expectedColumns);
        List<object?[]> actualRows = ReadRows(actual, expectedColumns.Select(c => actual.Schema[c.Name]).ToArray());
        Assert.True(expectedRows.Count == actualRows.Count, $"Expected {expectedRows.Count} rows, actual {actualRows.Count}.");
        for (int r = 0; r < expectedRows.Count; r++)
        {
            for (int c = 0; c < expectedColumns.Length; c++)
            {
                string e = Format(expectedRows[r][c]);
                string a = Format(actualRows[r][c]);
                Assert.True(e == a, $"Row {r}, column '{expectedColumns[c].Name}': expected {e}, actual {a}.");
            }
        }
    }

    /// <summary>Reads every visible column of <paramref name="data"/> into boxed values (vectors as dense arrays); for tests only.</summary>
    public static List<object?[]> ReadRows(IDataView data, IReadOnlyList<DataViewSchema.Column> columns)
    {
        var rows = new List<object?[]>();
        using DataViewRowCursor cursor = data.GetRowCursor(columns);
        var readers = columns.Select(c => MakeReader(cursor, c)).ToArray();
        while (cursor.MoveNext())
            rows.Add(readers.Select(r => r()).ToArray());
        return rows;
    }

    private static Func<object?> MakeReader(DataViewRow row, DataViewSchema.Column column)
    {
        MethodInfo method = column.Type is VectorDataViewType vector
            ? typeof(DataViewAssert).GetMethod(nameof(VectorReader), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(vector.ItemType.RawType)
            : typeof(DataViewAssert).GetMethod(nameof(ScalarReader), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(column.Type.RawType);
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
            return value.DenseValues().Select(v => v is ReadOnlyMemory<char> t ? (object)t.ToString() : v).ToArray();
        };
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        float f => $"{f:R} (0x{BitConverter.SingleToInt32Bits(f):X8})",
        double d => $"{d:R} (0x{BitConverter.DoubleToInt64Bits(d):X16})",
        string s => $"\"{s}\"",
        object?[] items => "[" + string.Join(", ", items.Select(Format)) + "]",
        _ => value.ToString() ?? "null",
    };
}
