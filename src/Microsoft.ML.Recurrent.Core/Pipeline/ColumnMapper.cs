using Microsoft.ML.Data;

namespace Microsoft.ML;

/// <summary>
/// The one row mapper behind every column transform: each output column either passes an input column
/// through (by index) or is computed by getters made once per row object. Adding, copying, dropping and
/// selecting columns are all plans of this form.
/// </summary>
internal sealed class ColumnMapper : IRowToRowMapper
{
    // _sources[i] >= 0: output column i is input column _sources[i]; otherwise it is added column ~_sources[i].
    private readonly int[] _sources;
    private readonly int[][] _addedDependencies;
    private readonly Func<DataViewRow, bool[], Delegate?[]> _makeGetters;
    private readonly Type[] _addedRawTypes;

    private ColumnMapper(DataViewSchema input, DataViewSchema output, int[] sources, int[][] addedDependencies, Type[] addedRawTypes, Func<DataViewRow, bool[], Delegate?[]> makeGetters)
    {
        InputSchema = input;
        OutputSchema = output;
        _sources = sources;
        _addedDependencies = addedDependencies;
        _addedRawTypes = addedRawTypes;
        _makeGetters = makeGetters;
    }

    public DataViewSchema InputSchema { get; }

    public DataViewSchema OutputSchema { get; }

    internal int AddedCount => _addedRawTypes.Length;

    /// <summary>All input columns, then <paramref name="added"/> (which hide input columns of the same name).</summary>
    public static ColumnMapper Append(DataViewSchema input, IReadOnlyList<DataViewSchema.DetachedColumn> added, int[][] dependencies, Func<DataViewRow, bool[], Delegate?[]> makeGetters)
    {
        var columns = new List<DataViewSchema.DetachedColumn>(input.Count + added.Count);
        var sources = new int[input.Count + added.Count];
        for (int i = 0; i < input.Count; i++)
        {
            columns.Add(new DataViewSchema.DetachedColumn(input[i]));
            sources[i] = i;
        }
        var rawTypes = new Type[added.Count];
        for (int j = 0; j < added.Count; j++)
        {
            columns.Add(added[j]);
            sources[input.Count + j] = ~j;
            rawTypes[j] = added[j].Type.RawType;
        }
        return new ColumnMapper(input, new DataViewSchema(columns), sources, dependencies, rawTypes, makeGetters);
    }

    /// <summary>Only the input columns at <paramref name="keep"/>, in that order.</summary>
    public static ColumnMapper Select(DataViewSchema input, IReadOnlyList<int> keep)
    {
        var columns = new List<DataViewSchema.DetachedColumn>(keep.Count);
        var sources = new int[keep.Count];
        for (int i = 0; i < keep.Count; i++)
        {
            columns.Add(new DataViewSchema.DetachedColumn(input[keep[i]]));
            sources[i] = keep[i];
        }
        return new ColumnMapper(input, new DataViewSchema(columns), sources, [], [], static (_, _) => []);
    }

    public IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns)
    {
        var needed = new bool[InputSchema.Count];
        foreach (DataViewSchema.Column c in dependingColumns)
        {
            int source = SourceOf(c);
            if (source >= 0)
                needed[source] = true;
            else
            {
                foreach (int d in _addedDependencies[~source])
                    needed[d] = true;
            }
        }
        var result = new List<DataViewSchema.Column>();
        for (int i = 0; i < needed.Length; i++)
        {
            if (needed[i])
                result.Add(InputSchema[i]);
        }
        return result;
    }

    public DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns)
    {
        ArgumentNullException.ThrowIfNull(input);
        var outputActive = new bool[OutputSchema.Count];
        var addedActive = new bool[_addedRawTypes.Length];
        foreach (DataViewSchema.Column c in activeColumns)
        {
            int source = SourceOf(c);
            outputActive[c.Index] = true;
            if (source < 0)
                addedActive[~source] = true;
        }
        Delegate?[] getters = _addedRawTypes.Length == 0 ? [] : _makeGetters(input, addedActive);
        for (int j = 0; j < _addedRawTypes.Length; j++)
        {
            if (addedActive[j] && (getters[j] is null || getters[j]!.GetType() != typeof(ValueGetter<>).MakeGenericType(_addedRawTypes[j])))
                throw new InvalidOperationException($"Internal error: the getter made for column '{OutputSchema[Array.IndexOf(_sources, ~j)].Name}' is {getters[j]?.GetType().Name ?? "null"}, expected ValueGetter<{_addedRawTypes[j].Name}>.");
        }
        return new Row(this, input, outputActive, getters);
    }

    private int SourceOf(DataViewSchema.Column column)
    {
        if ((uint)column.Index >= (uint)OutputSchema.Count || OutputSchema[column.Index].Name != column.Name)
            throw new ArgumentException($"Column '{column.Name}' (index {column.Index}) is not a column of this mapper's output schema.", nameof(column));
        return _sources[column.Index];
    }

    private sealed class Row : DataViewRow
    {
        private readonly ColumnMapper _mapper;
        private readonly DataViewRow _input;
        private readonly bool[] _active;
        private readonly Delegate?[] _getters;

        public Row(ColumnMapper mapper, DataViewRow input, bool[] active, Delegate?[] getters)
        {
            _mapper = mapper;
            _input = input;
            _active = active;
            _getters = getters;
        }

        public override long Position => _input.Position;

        public override long Batch => _input.Batch;

        public override DataViewSchema Schema => _mapper.OutputSchema;

        public override bool IsColumnActive(DataViewSchema.Column column)
        {
            int source = _mapper.SourceOf(column);
            return source >= 0 ? _input.IsColumnActive(_input.Schema[source]) : _active[column.Index];
        }

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            int source = _mapper.SourceOf(column);
            if (source >= 0)
                return _input.GetGetter<TValue>(_input.Schema[source]);
            if (!_active[column.Index])
                throw new InvalidOperationException($"Column '{column.Name}' is not active in this row: request it when creating the cursor.");
            return _getters[~source] as ValueGetter<TValue>
                ?? throw new InvalidOperationException($"Column '{column.Name}' is of type {column.Type} (raw {column.Type.RawType.Name}); a getter of {typeof(TValue).Name} was requested.");
        }

        // The input row belongs to whoever made it (a cursor or a prediction engine); it is not disposed here.
        public override ValueGetter<DataViewRowId> GetIdGetter() => _input.GetIdGetter();
    }
}
