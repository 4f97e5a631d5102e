using Microsoft.ML.Data;

namespace Microsoft.ML;

/// <summary>
/// Keeps the rows of its input in memory, filled by one pass on the first cursor, so that later passes (multi-
/// epoch training, shuffling) do not recompute upstream steps. Only the columns asked for are cached.
/// </summary>
internal sealed class CacheDataView : IDataView
{
    private readonly IDataView _input;
    private readonly ColumnStore?[] _stores;
    private readonly object _lock = new();
    private long _rowCount = -1;

    public CacheDataView(IDataView input)
    {
        _input = input;
        _stores = new ColumnStore?[input.Schema.Count];
    }

    public bool CanShuffle => true;

    public DataViewSchema Schema => _input.Schema;

    public long? GetRowCount() => _rowCount >= 0 ? _rowCount : _input.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var needed = columnsNeeded.ToArray();
        Fill(needed);
        int[]? order = rand is null ? null : ShuffleOrder.Permutation(checked((int)_rowCount), rand);
        return new Cursor(this, needed, order);
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null)
        => [GetRowCursor(columnsNeeded, rand)];

    private void Fill(DataViewSchema.Column[] needed)
    {
        lock (_lock)
        {
            var missing = needed.Where(c => _stores[c.Index] is null).Select(c => Schema[c.Index]).ToArray();
            if (missing.Length == 0 && _rowCount >= 0)
                return;
            var stores = missing.Select(c => ColumnStore.Create(c.Type)).ToArray();
            long rows = 0;
            using (DataViewRowCursor cursor = _input.GetRowCursor(missing))
            {
                var fillers = new Action[missing.Length];
                for (int i = 0; i < missing.Length; i++)
                    fillers[i] = stores[i].MakeFiller(cursor, missing[i]);
                while (cursor.MoveNext())
                {
                    foreach (Action fill in fillers)
                        fill();
                    rows++;
                }
            }
            if (_rowCount >= 0 && rows != _rowCount)
                throw new InvalidOperationException($"Cache: the input gave {rows} rows on a second pass after {_rowCount} on the first; data views must be immutable.");
            _rowCount = rows;
            for (int i = 0; i < missing.Length; i++)
                _stores[missing[i].Index] = stores[i];
        }
    }

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly CacheDataView _owner;
        private readonly bool[] _active;
        private readonly int[]? _order;
        private long _position = -1;

        public Cursor(CacheDataView owner, DataViewSchema.Column[] active, int[]? order)
        {
            _owner = owner;
            _order = order;
            _active = new bool[owner.Schema.Count];
            foreach (DataViewSchema.Column c in active)
                _active[c.Index] = true;
        }

        public override long Position => _position;

        public override long Batch => 0;

        public override DataViewSchema Schema => _owner.Schema;

        public override bool MoveNext()
        {
            if (_position + 1 < _owner._rowCount)
            {
                _position++;
                return true;
            }
            _position = -1;
            return false;
        }

        public override bool IsColumnActive(DataViewSchema.Column column) => _active[column.Index];

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (!_active[column.Index])
                throw new InvalidOperationException($"Column '{column.Name}' is not active in this cursor.");
            return _owner._stores[column.Index]!.MakeGetter<TValue>(column, () => _order is null ? (int)_position : _order[_position]);
        }

        public override ValueGetter<DataViewRowId> GetIdGetter()
            => (ref DataViewRowId id) => id = new DataViewRowId((ulong)(_order is null ? _position : _order[_position]), 0);
    }
}
