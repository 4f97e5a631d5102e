namespace Microsoft.ML;

public sealed partial class DataOperationsCatalog
{
    /// <summary>
    /// Caches <paramref name="input"/> in memory on the first pass (only <paramref name="columnsToPrefetch"/> are
    /// read eagerly when given; other columns are cached when first requested). The result can be shuffled.
    /// </summary>
    public IDataView Cache(IDataView input, params string[] columnsToPrefetch)
    {
        ArgumentNullException.ThrowIfNull(input);
        var cache = new CacheDataView(input);
        if (columnsToPrefetch is { Length: > 0 })
        {
            using DataViewRowCursor cursor = cache.GetRowCursor(columnsToPrefetch.Select(name => input.Schema[name]));
        }
        return cache;
    }

    internal static IDataView CacheInMemory(IDataView input) => new CacheDataView(input);
}
