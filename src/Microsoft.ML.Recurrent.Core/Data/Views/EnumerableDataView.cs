using Microsoft.ML.Data;

namespace Microsoft.ML;

/// <summary>
/// A lazy view over a re-enumerable sequence of row objects (<c>LoadFromEnumerable</c>); the objects are read,
/// never modified. Lists can be shuffled (by index).
/// </summary>
internal sealed class EnumerableDataView<TRow> : IDataView
    where TRow : class
{
    private readonly IEnumerable<TRow> _data;
    private readonly PocoMember<TRow>[] _members;

    public EnumerableDataView(IEnumerable<TRow> data, DataViewSchema? schema)
    {
        _data = data;
        PocoSchema<TRow> poco = PocoSchema<TRow>.Instance;
        _members = poco.Members.Where(m => m.CanRead).ToArray();
        Schema = schema is null ? poco.ToSchema(_members) : Bind(schema);
    }

    public bool CanShuffle => _data is IReadOnlyList<TRow> or IList<TRow>;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _data switch
    {
        IReadOnlyCollection<TRow> c => c.Count,
        ICollection<TRow> c => c.Count,
        _ => null,
    };

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        int[]? order = null;
        if (rand is not null && CanShuffle)
            order = ShuffleOrder.Permutation((int)GetRowCount()!.Value, rand);
        return new Cursor(this, columnsNeeded, order);
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null)
        => [GetRowCursor(columnsNeeded, rand)];

    // A given schema may refine the member types (key counts, vector sizes, annotations) but not change raw types.
    private DataViewSchema Bind(DataViewSchema schema)
    {
        var builder = new DataViewSchema.Builder();
        foreach (PocoMember<TRow> m in _members)
        {
            DataViewSchema.Column? column = schema.GetColumnOrNull(m.ColumnName);
            if (column is null)
            {
                builder.AddColumn(m.ColumnName, m.Type);
                continue;
            }
            if (!m.Accepts(column.Value.Type))
                throw new SchemaMismatchException("LoadFromEnumerable", m.ColumnName, m.Type.ToString()!, column.Value.Type.ToString()!);
            builder.AddColumn(m.ColumnName, column.Value.Type, column.Value.Annotations);
        }
        return builder.ToSchema();
    }

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly EnumerableDataView<TRow> _owner;
        private readonly bool[] _active;
        private readonly PocoRowSource<TRow> _source = new();
        private readonly int[]? _order;
        private readonly TRow[]? _array;
        private readonly IList<TRow>? _list;
        private readonly int _count;
        private readonly IReadOnlyList<TRow>? _readOnlyList;
        private readonly IEnumerator<TRow>? _enumerator;
        private readonly Delegate?[] _getters;
        private bool _done;

        public Cursor(EnumerableDataView<TRow> owner, IEnumerable<DataViewSchema.Column> active, int[]? order)
        {
            _owner = owner;
            _order = order;
            _active = new bool[owner.Schema.Count];
            foreach (DataViewSchema.Column c in active)
                _active[c.Index] = true;
            _getters = new Delegate?[owner.Schema.Count];
            for (int i = 0; i < _getters.Length; i++)
            {
                if (_active[i])
                    _getters[i] = owner._members[i].MakeGetter(_source, owner.Schema[i].Type);
            }
            // Arrays and lists are read by index (also when not shuffled): cheaper than an enumerator per row.
            _array = owner._data as TRow[];
            _list = _array is null ? owner._data as IList<TRow> : null;
            _readOnlyList = _array is null && _list is null ? owner._data as IReadOnlyList<TRow> : null;
            if (_array is null && _list is null && _readOnlyList is null)
                _enumerator = owner._data.GetEnumerator();
            _count = _array?.Length ?? _list?.Count ?? _readOnlyList?.Count ?? 0;
        }

        public override long Position => _source.Position;

        public override long Batch => 0;

        public override DataViewSchema Schema => _owner.Schema;

        public override bool MoveNext()
        {
            if (_done)
                return false;
            long next = _source.Position + 1;
            TRow? row;
            if (_enumerator is null)
            {
                if (next >= _count)
                    return Finish();
                int index = _order is null ? (int)next : _order[next];
                row = _array is not null ? _array[index] : _list is not null ? _list[index] : _readOnlyList![index];
            }
            else
            {
                if (!_enumerator.MoveNext())
                    return Finish();
                row = _enumerator.Current;
            }
            _source.Current = row ?? throw new InvalidOperationException($"LoadFromEnumerable: row {next} is null.");
            _source.Position = next;
            return true;
        }

        public override bool IsColumnActive(DataViewSchema.Column column) => _active[column.Index];

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (!_active[column.Index])
                throw new InvalidOperationException($"Column '{column.Name}' is not active in this cursor.");
            return _getters[column.Index] as ValueGetter<TValue>
                ?? throw new InvalidOperationException($"Column '{column.Name}' is of type {column.Type} (raw {column.Type.RawType.Name}), not {typeof(TValue).Name}.");
        }

        public override ValueGetter<DataViewRowId> GetIdGetter()
            => (ref DataViewRowId id) => id = new DataViewRowId((ulong)(_order is null ? _source.Position : _order[_source.Position]), 0);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                _enumerator?.Dispose();
            base.Dispose(disposing);
        }

        private bool Finish()
        {
            _done = true;
            _source.Position = -1;
            return false;
        }
    }
}
