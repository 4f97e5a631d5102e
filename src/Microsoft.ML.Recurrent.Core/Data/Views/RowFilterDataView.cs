using Microsoft.ML.Data;

namespace Microsoft.ML;

/// <summary>The rows of its input for which a predicate holds; the predicate is built per cursor over its row.</summary>
internal sealed class RowFilterDataView : IDataView
{
    private readonly IDataView _input;
    private readonly DataViewSchema.Column[] _predicateColumns;
    private readonly Func<DataViewRow, Func<bool>> _makePredicate;

    public RowFilterDataView(IDataView input, DataViewSchema.Column[] predicateColumns, Func<DataViewRow, Func<bool>> makePredicate)
    {
        _input = input;
        _predicateColumns = predicateColumns;
        _makePredicate = makePredicate;
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema => _input.Schema;

    public long? GetRowCount() => null;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        DataViewRowCursor input = _input.GetRowCursor(columnsNeeded.Concat(_predicateColumns).DistinctBy(c => c.Index));
        return new Cursor(input, _makePredicate(input));
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null)
        => [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly DataViewRowCursor _input;
        private readonly Func<bool> _predicate;
        private long _position = -1;

        public Cursor(DataViewRowCursor input, Func<bool> predicate)
        {
            _input = input;
            _predicate = predicate;
        }

        public override long Position => _position;

        public override long Batch => 0;

        public override DataViewSchema Schema => _input.Schema;

        public override bool MoveNext()
        {
            while (_input.MoveNext())
            {
                if (_predicate())
                {
                    _position++;
                    return true;
                }
            }
            _position = -1;
            return false;
        }

        public override bool IsColumnActive(DataViewSchema.Column column) => _input.IsColumnActive(column);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => _input.GetGetter<TValue>(column);

        public override ValueGetter<DataViewRowId> GetIdGetter() => _input.GetIdGetter();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                _input.Dispose();
            base.Dispose(disposing);
        }
    }
}
