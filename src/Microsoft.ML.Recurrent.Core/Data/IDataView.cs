namespace Microsoft.ML;

/// <summary>
/// A lazy, immutable table that can be cursored any number of times (like <see cref="IEnumerable{T}"/> for
/// LINQ). Only the columns a cursor asks for are computed.
/// </summary>
public interface IDataView
{
    /// <summary>True when cursors can be asked for a random row order.</summary>
    bool CanShuffle { get; }

    /// <summary>The columns.</summary>
    DataViewSchema Schema { get; }

    /// <summary>The number of rows when known cheaply (O(1)), else null.</summary>
    long? GetRowCount();

    /// <summary>
    /// A cursor over the rows computing only <paramref name="columnsNeeded"/>; with <paramref name="rand"/> and
    /// <see cref="CanShuffle"/>, rows come in a random order drawn from it.
    /// </summary>
    DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null);

    /// <summary>Cursors over disjoint parts of the rows; <paramref name="n"/> is only a recommendation.</summary>
    DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null);
}
