namespace Microsoft.ML;

/// <summary>Row mappers applied one after the other (a transformer chain's single-row view).</summary>
internal sealed class CompositeRowToRowMapper : IRowToRowMapper
{
    private readonly IRowToRowMapper[] _mappers;

    public CompositeRowToRowMapper(DataViewSchema inputSchema, IRowToRowMapper[] mappers)
    {
        InputSchema = inputSchema;
        _mappers = mappers;
        OutputSchema = mappers.Length == 0 ? inputSchema : mappers[^1].OutputSchema;
    }

    public DataViewSchema InputSchema { get; }

    public DataViewSchema OutputSchema { get; }

    public IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns)
    {
        IEnumerable<DataViewSchema.Column> columns = dependingColumns.ToArray();
        for (int i = _mappers.Length - 1; i >= 0; i--)
            columns = _mappers[i].GetDependencies(columns).ToArray();
        return columns;
    }

    public DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns)
    {
        if (_mappers.Length == 0)
            return input;
        // Work out, from the last mapper back, which columns each stage must compute.
        var active = new IEnumerable<DataViewSchema.Column>[_mappers.Length];
        active[^1] = activeColumns.ToArray();
        for (int i = _mappers.Length - 1; i > 0; i--)
            active[i - 1] = _mappers[i].GetDependencies(active[i]).ToArray();
        DataViewRow row = input;
        for (int i = 0; i < _mappers.Length; i++)
            row = _mappers[i].GetRow(row, active[i]);
        return row;
    }
}
