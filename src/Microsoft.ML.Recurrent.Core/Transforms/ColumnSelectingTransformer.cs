using Microsoft.ML.Data;

[assembly: ModelComponent("SelectColumns", 1, typeof(Microsoft.ML.Transforms.ColumnSelectingTransformer))]

namespace Microsoft.ML.Transforms;

/// <summary>Keeps only some columns (<c>SelectColumns</c>, in the given order) or removes some (<c>DropColumns</c>).</summary>
public sealed class ColumnSelectingTransformer : ITransformer, ILoadableTransformer<ColumnSelectingTransformer>
{
    private readonly string[] _columns;

    /// <summary>Keeps <paramref name="columnsToKeep"/> or drops <paramref name="columnsToDrop"/> (exactly one must be given).</summary>
    public ColumnSelectingTransformer(string[]? columnsToKeep, string[]? columnsToDrop, bool keepHidden = false)
    {
        if ((columnsToKeep is null) == (columnsToDrop is null))
            throw new ArgumentException("Give either the columns to keep or the columns to drop.");
        _columns = columnsToKeep ?? columnsToDrop!;
        if (_columns.Length == 0 || _columns.Any(string.IsNullOrEmpty))
            throw new ArgumentException("At least one column name is needed, and names must not be empty.");
        Keep = columnsToKeep is not null;
        KeepHidden = keepHidden;
    }

    /// <summary>True for SelectColumns, false for DropColumns.</summary>
    public bool Keep { get; }

    /// <summary>When keeping, also keep hidden columns of the same names (default false).</summary>
    public bool KeepHidden { get; }

    /// <summary>The column names kept or dropped.</summary>
    public IReadOnlyList<string> ColumnNames => _columns;

    /// <inheritdoc/>
    public bool IsRowToRowMapper => true;

    private string StepName => Keep ? "SelectColumns" : "DropColumns";

    /// <inheritdoc/>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => Bind(inputSchema).OutputSchema;

    /// <inheritdoc/>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new MappedDataView(input, Bind(input.Schema));
    }

    /// <inheritdoc/>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => Bind(inputSchema);

    void ICanSaveModel.Save(ModelSaveContext context)
        => context.WriteSettings(new Settings { Keep = Keep, KeepHidden = KeepHidden, Columns = _columns });

    /// <summary>Reads the transformer from a model file.</summary>
    public static ColumnSelectingTransformer Load(ModelLoadContext context)
    {
        Settings s = context.ReadSettings<Settings>();
        if (s.Columns.Length == 0 || s.Columns.Any(string.IsNullOrEmpty))
            throw context.Error("the column list is empty or has an empty name");
        return s.Keep ? new ColumnSelectingTransformer(s.Columns, null, s.KeepHidden) : new ColumnSelectingTransformer(null, s.Columns);
    }

    private ColumnMapper Bind(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        foreach (string name in _columns)
        {
            if (inputSchema.GetColumnOrNull(name) is null)
                throw SchemaMismatchException.Missing(StepName, name, "a column", inputSchema);
        }
        var keep = new List<int>();
        if (Keep)
        {
            foreach (string name in _columns)
            {
                for (int i = 0; KeepHidden && i < inputSchema.Count; i++)
                {
                    if (inputSchema[i].IsHidden && inputSchema[i].Name == name)
                        keep.Add(i);
                }
                keep.Add(inputSchema[name].Index);
            }
        }
        else
        {
            var drop = new HashSet<string>(_columns, StringComparer.Ordinal);
            for (int i = 0; i < inputSchema.Count; i++)
            {
                if (!drop.Contains(inputSchema[i].Name))
                    keep.Add(i);
            }
        }
        return ColumnMapper.Select(inputSchema, keep);
    }

    private sealed class Settings
    {
        public required bool Keep { get; init; }

        public required bool KeepHidden { get; init; }

        public required string[] Columns { get; init; }
    }
}
