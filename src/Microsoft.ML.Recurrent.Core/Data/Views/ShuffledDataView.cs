namespace Microsoft.ML;

/// <summary>
/// Its input in a random order fixed by a seed: every cursor gives the same order, so the view stays immutable.
/// Inputs that cannot shuffle themselves (files) are cached in memory first.
/// </summary>
internal sealed class ShuffledDataView : IDataView
{
    private readonly IDataView _input;
    private readonly int _seed;

    public ShuffledDataView(IDataView input, int seed)
    {
        _input = input.CanShuffle ? input : new CacheDataView(input);
        _seed = seed;
    }

    public bool CanShuffle => true;

    public DataViewSchema Schema => _input.Schema;

    public long? GetRowCount() => _input.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
        => _input.GetRowCursor(columnsNeeded, rand ?? new Random(_seed));

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null)
        => [GetRowCursor(columnsNeeded, rand)];
}
