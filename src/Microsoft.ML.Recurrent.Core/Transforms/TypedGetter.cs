using System.Collections.Concurrent;
using System.Reflection;

namespace Microsoft.ML.Transforms;

/// <summary>
/// Gets a column's getter as an untyped delegate, for transforms that pass values through whatever their type.
/// The typed call is built once per raw type (cursor creation, not per row).
/// </summary>
internal static class TypedGetter
{
    private static readonly ConcurrentDictionary<Type, Func<DataViewRow, DataViewSchema.Column, Delegate>> s_cache = new();

    public static Delegate Get(DataViewRow row, DataViewSchema.Column column)
        => s_cache.GetOrAdd(column.Type.RawType, static raw =>
            typeof(TypedGetter).GetMethod(nameof(Make), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(raw).CreateDelegate<Func<DataViewRow, DataViewSchema.Column, Delegate>>())(row, column);

    private static Delegate Make<T>(DataViewRow row, DataViewSchema.Column column) => row.GetGetter<T>(column);
}
