namespace Microsoft.ML.Data;

/// <summary>
/// A plain-text corpus as a data view: one row per line, one text column; UTF-8, gzip read transparently,
/// streamed (files of any size). Line endings are removed; nothing else is changed.
/// </summary>
internal sealed class TextCorpusDataView : IDataView
{
    private readonly string _path;
    private readonly bool _skipEmptyLines;

    public TextCorpusDataView(string path, string columnName, bool skipEmptyLines)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(columnName);
        if (!File.Exists(path))
            throw new FileNotFoundException($"Corpus file '{path}' not found.", path);
        _path = path;
        _skipEmptyLines = skipEmptyLines;
        var builder = new DataViewSchema.Builder();
        builder.AddColumn(columnName, TextDataViewType.Instance);
        Schema = builder.ToSchema();
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => null;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
        => new Cursor(this, columnsNeeded.Any());

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null)
        => [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly TextCorpusDataView _owner;
        private readonly bool _active;
        private readonly LineReader _reader;
        private ReadOnlyMemory<char> _line;
        private long _position = -1;

        public Cursor(TextCorpusDataView owner, bool active)
        {
            _owner = owner;
            _active = active;
            _reader = DataFile.OpenLines(owner._path);
        }

        public override long Position => _position;

        public override long Batch => 0;

        public override DataViewSchema Schema => _owner.Schema;

        public override bool MoveNext()
        {
            while (true)
            {
                if (!_reader.TryReadLine(out ReadOnlyMemory<char> line))
                {
                    _position = -1;
                    return false;
                }
                if (_owner._skipEmptyLines && line.IsEmpty)
                    continue;
                _line = line;
                _position++;
                return true;
            }
        }

        public override bool IsColumnActive(DataViewSchema.Column column) => _active;

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (!_active)
                throw new InvalidOperationException($"Column '{column.Name}' is not active in this cursor.");
            if (typeof(TValue) != typeof(ReadOnlyMemory<char>))
                throw new InvalidOperationException($"Column '{column.Name}' is of type String (raw ReadOnlyMemory<Char>), not {typeof(TValue).Name}.");
            ValueGetter<ReadOnlyMemory<char>> getter = (ref ReadOnlyMemory<char> value) => value = _line;
            return (ValueGetter<TValue>)(Delegate)getter;
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId id) => id = new DataViewRowId((ulong)_position, 0);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                _reader.Dispose();
            base.Dispose(disposing);
        }
    }
}
