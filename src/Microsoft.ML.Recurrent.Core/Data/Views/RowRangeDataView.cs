namespace Microsoft.ML;

/// <summary>Rows <c>skip .. skip + take − 1</c> of its input (<c>SkipRows</c>, <c>TakeRows</c>), streamed.</summary>
internal sealed class RowRangeDataView : IDataView
{
    private readonly IDataView _input;
    private readonly long _skip;
    private readonly long _take;

    public RowRangeDataView(IDataView input, long skip, long take)
    {
        _input = input;
        _skip = skip;
        _take = take;
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema => _input.Schema;

    public long? GetRowCount()
    {
        long? count = _input.GetRowCount();
        return count is long c ? Math.Min(Math.Max(c - _skip, 0), _take) : null;
    }

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
        => new Cursor(_input.GetRowCursor(columnsNeeded), _skip, _take);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null)
        => [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly DataViewRowCursor _input;
        private long _toSkip;
        private readonly long _take;
        private long _position = -1;
        private long _taken;

        public Cursor(DataViewRowCursor input, long skip, long take)
        {
            _input = input;
            _toSkip = skip;
            _take = take;
        }

        public override long Position => _position;

        public override long Batch => 0;

        public override DataViewSchema Schema => _input.Schema;

        public override bool MoveNext()
        {
            while (_toSkip > 0)
            {
                _toSkip--;
                if (!_input.MoveNext())
                {
                    _toSkip = 0;
                    _taken = _take;
                    break;
                }
            }
            if (_taken >= _take || !_input.MoveNext())
            {
                _taken = _take;
                _position = -1;
                return false;
            }
            _taken++;
            _position++;
            return true;
        }

        public override bool IsColumnActive(DataViewSchema.Column column) => _input.IsColumnActive(column);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => _input.GetGetter<TValue>(column);

        public override ValueGetter<Data.DataViewRowId> GetIdGetter() => _input.GetIdGetter();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                _input.Dispose();
            base.Dispose(disposing);
        }
    }
}
