namespace Microsoft.ML;

/// <summary>The lazy result of applying a row mapper to a data view: cursors read only what they need.</summary>
internal sealed class MappedDataView : IDataView
{
    private readonly IDataView _input;
    private readonly IRowToRowMapper _mapper;

    public MappedDataView(IDataView input, IRowToRowMapper mapper)
    {
        _input = input;
        _mapper = mapper;
    }

    public bool CanShuffle => _input.CanShuffle;

    public DataViewSchema Schema => _mapper.OutputSchema;

    public long? GetRowCount() => _input.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var needed = columnsNeeded.ToArray();
        DataViewRowCursor input = _input.GetRowCursor(_mapper.GetDependencies(needed), rand);
        return new MappedCursor(input, _mapper.GetRow(input, needed));
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null)
    {
        var needed = columnsNeeded.ToArray();
        DataViewRowCursor[] inputs = _input.GetRowCursorSet(_mapper.GetDependencies(needed), n, rand);
        var result = new DataViewRowCursor[inputs.Length];
        for (int i = 0; i < inputs.Length; i++)
            result[i] = new MappedCursor(inputs[i], _mapper.GetRow(inputs[i], needed));
        return result;
    }
}
