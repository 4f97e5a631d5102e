using Microsoft.ML.Data;

namespace Microsoft.ML;

/// <summary>
/// Base of transformers that add columns computed row by row. The author supplies the added columns (name,
/// type, annotations) for an input schema, the input columns each one reads, a getter factory, and
/// <see cref="SaveModel"/>; the base provides <see cref="Transform"/> (lazy), schema propagation, row mappers
/// for prediction engines, and hiding of input columns that an added column replaces.
/// For one output per input column, derive from <see cref="OneToOneTransformerBase"/> instead.
/// </summary>
public abstract class RowToRowTransformerBase : ITransformer
{
    /// <summary>Creates the base; <paramref name="stepName"/> names the transformer in errors (e.g. <c>"NormalizeText"</c>).</summary>
    protected RowToRowTransformerBase(string stepName)
    {
        ArgumentException.ThrowIfNullOrEmpty(stepName);
        StepName = stepName;
    }

    /// <summary>The name used in error messages.</summary>
    public string StepName { get; }

    /// <summary>Always true: rows are mapped one at a time.</summary>
    public bool IsRowToRowMapper => true;

    /// <inheritdoc/>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => Bind(inputSchema).OutputSchema;

    /// <summary>
    /// The lazy mapped view of <paramref name="input"/>. Override to change how cursors compute the added columns
    /// (for example, in blocks on several threads) while keeping the schema of the base view; row mappers
    /// (<see cref="GetRowToRowMapper"/>, prediction engines) do not go through this method.
    /// </summary>
    public virtual IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new MappedDataView(input, Bind(input.Schema));
    }

    /// <inheritdoc/>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => Bind(inputSchema);

    void ICanSaveModel.Save(ModelSaveContext context) => SaveModel(context);

    /// <summary>Writes settings and tensors (see docs/component-authoring.md).</summary>
    protected abstract void SaveModel(ModelSaveContext context);

    /// <summary>
    /// The columns added for <paramref name="inputSchema"/>, in order. Validate the input here and throw
    /// <see cref="SchemaMismatchException"/> (see <see cref="FindInputColumn"/>).
    /// </summary>
    protected abstract DataViewSchema.DetachedColumn[] GetOutputColumns(DataViewSchema inputSchema);

    /// <summary>Names of the input columns that added column <paramref name="outputColumnIndex"/> reads.</summary>
    protected abstract IEnumerable<string> GetInputColumnNames(int outputColumnIndex);

    /// <summary>
    /// A getter (<see cref="ValueGetter{TValue}"/> of the column's raw type) for added column
    /// <paramref name="outputColumnIndex"/> reading <paramref name="input"/>. Called once per cursor or
    /// prediction engine, so buffers captured here are reused across rows.
    /// </summary>
    protected abstract Delegate MakeGetter(DataViewRow input, int outputColumnIndex);

    /// <summary>
    /// Getters for all active added columns at once; override to share work between columns of one row.
    /// Inactive entries may be null.
    /// </summary>
    protected virtual Delegate?[] MakeGetters(DataViewRow input, bool[] activeOutputColumns)
    {
        var getters = new Delegate?[activeOutputColumns.Length];
        for (int j = 0; j < getters.Length; j++)
        {
            if (activeOutputColumns[j])
                getters[j] = MakeGetter(input, j);
        }
        return getters;
    }

    /// <summary>The input column <paramref name="name"/>, or a <see cref="SchemaMismatchException"/> naming this step.</summary>
    protected DataViewSchema.Column FindInputColumn(DataViewSchema inputSchema, string name, string expected)
        => inputSchema.GetColumnOrNull(name) ?? throw SchemaMismatchException.Missing(StepName, name, expected, inputSchema);

    /// <summary>A <see cref="SchemaMismatchException"/> naming this step.</summary>
    protected SchemaMismatchException SchemaMismatch(string columnName, string expected, DataViewType actual)
        => new(StepName, columnName, expected, actual.ToString()!);

    private ColumnMapper Bind(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        DataViewSchema.DetachedColumn[] added = GetOutputColumns(inputSchema);
        var dependencies = new int[added.Length][];
        for (int j = 0; j < added.Length; j++)
        {
            var indices = new List<int>();
            foreach (string name in GetInputColumnNames(j))
                indices.Add(FindInputColumn(inputSchema, name, "a column").Index);
            dependencies[j] = indices.ToArray();
        }
        return ColumnMapper.Append(inputSchema, added, dependencies, MakeGetters);
    }
}
