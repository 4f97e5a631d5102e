using Microsoft.ML;
using Microsoft.ML.Data;

namespace Microsoft.ML.Recurrent.Tests.Translation.Pipeline;

/// <summary>
/// A data view that passes another through and counts what its readers do: cursors opened and disposed, and reads of
/// one watched column. A translator cannot translate a row without reading its source, so counting the source reads
/// shows which rows were translated, without a hook in the code under test.
/// </summary>
internal sealed class CountingDataView : IDataView
{
    private readonly IDataView _inner;
    private readonly string _watched;
    private int _opened;
    private int _disposed;
    private int _reads;

    public CountingDataView(IDataView inner, string watchedColumn)
    {
        _inner = inner;
        _watched = watchedColumn;
    }

    /// <summary>Cursors opened so far (a cursor set counts each of its cursors).</summary>
    public int Opened => Volatile.Read(ref _opened);

    /// <summary>Cursors disposed so far.</summary>
    public int Disposed => Volatile.Read(ref _disposed);

    /// <summary>Calls of the watched column's getters so far.</summary>
    public int Reads => Volatile.Read(ref _reads);

    public bool CanShuffle => _inner.CanShuffle;

    public DataViewSchema Schema => _inner.Schema;

    public long? GetRowCount() => _inner.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        Interlocked.Increment(ref _opened);
        return new Cursor(this, _inner.GetRowCursor(columnsNeeded, rand));
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null)
    {
        var inner = _inner.GetRowCursorSet(columnsNeeded, n, rand);
        var result = new DataViewRowCursor[inner.Length];
        for (int i = 0; i < inner.Length; i++)
        {
            Interlocked.Increment(ref _opened);
            result[i] = new Cursor(this, inner[i]);
        }
        return result;
    }

    private sealed class Cursor(CountingDataView owner, DataViewRowCursor inner) : DataViewRowCursor
    {
        public override long Position => inner.Position;

        public override long Batch => inner.Batch;

        public override DataViewSchema Schema => inner.Schema;

        public override bool MoveNext() => inner.MoveNext();

        public override bool IsColumnActive(DataViewSchema.Column column) => inner.IsColumnActive(column);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            var getter = inner.GetGetter<TValue>(column);
            if (column.Name != owner._watched)
            {
                return getter;
            }
            return (ref TValue value) =>
            {
                Interlocked.Increment(ref owner._reads);
                getter(ref value);
            };
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() => inner.GetIdGetter();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Interlocked.Increment(ref owner._disposed);
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
