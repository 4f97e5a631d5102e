using Microsoft.ML.Data;

namespace Microsoft.ML;

/// <summary>
/// Base of transformers that compute one output column from one input column, for each
/// <see cref="InputOutputColumnPair"/>. The author supplies the type rule (<see cref="GetOutputType(int, DataViewType)"/>), a
/// getter factory and <see cref="RowToRowTransformerBase.SaveModel"/>; see docs/component-authoring.md.
/// </summary>
public abstract class OneToOneTransformerBase : RowToRowTransformerBase
{
    private readonly InputOutputColumnPair[] _columns;

    /// <summary>Creates the base for <paramref name="columns"/> (at least one; output names distinct).</summary>
    protected OneToOneTransformerBase(string stepName, params InputOutputColumnPair[] columns)
        : base(stepName)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Length == 0)
            throw new ArgumentException($"{stepName} needs at least one column pair.", nameof(columns));
        var outputs = new HashSet<string>(StringComparer.Ordinal);
        foreach (InputOutputColumnPair pair in columns)
        {
            ArgumentNullException.ThrowIfNull(pair, nameof(columns));
            if (!outputs.Add(pair.OutputColumnName))
                throw new ArgumentException($"{stepName}: output column '{pair.OutputColumnName}' appears twice.", nameof(columns));
        }
        _columns = (InputOutputColumnPair[])columns.Clone();
    }

    /// <summary>The (output, input) column pairs.</summary>
    public IReadOnlyList<InputOutputColumnPair> Columns => _columns;

    /// <summary>
    /// The output type of pair <paramref name="column"/> for an input of <paramref name="inputType"/>; throw
    /// <see cref="SchemaMismatch(int, string, DataViewType)"/> when the input type is not accepted.
    /// </summary>
    protected abstract DataViewType GetOutputType(int column, DataViewType inputType);

    /// <summary>
    /// The output type of pair <paramref name="column"/> for <paramref name="inputColumn"/>; override instead of the
    /// type-only rule when the output depends on the input's annotations (default: the type-only rule).
    /// </summary>
    protected virtual DataViewType GetOutputType(int column, DataViewSchema.Column inputColumn) => GetOutputType(column, inputColumn.Type);

    /// <summary>Annotations of the output of pair <paramref name="column"/> (default: none).</summary>
    protected virtual DataViewSchema.Annotations? GetOutputAnnotations(int column, DataViewSchema.Column inputColumn) => null;

    /// <summary>
    /// A <see cref="ValueGetter{TValue}"/> of the output type's raw type for pair <paramref name="column"/>,
    /// reading <paramref name="inputColumn"/> of <paramref name="input"/>. Called once per cursor.
    /// </summary>
    protected abstract Delegate MakeGetter(DataViewRow input, int column, DataViewSchema.Column inputColumn);

    /// <summary>The schema error for pair <paramref name="column"/>'s input, naming this step.</summary>
    protected SchemaMismatchException SchemaMismatch(int column, string expected, DataViewType actual)
        => SchemaMismatch(_columns[column].InputColumnName, expected, actual);

    /// <inheritdoc/>
    protected sealed override DataViewSchema.DetachedColumn[] GetOutputColumns(DataViewSchema inputSchema)
    {
        var result = new DataViewSchema.DetachedColumn[_columns.Length];
        for (int i = 0; i < _columns.Length; i++)
        {
            DataViewSchema.Column input = FindInputColumn(inputSchema, _columns[i].InputColumnName, DescribeAccepted(i));
            DataViewType output = GetOutputType(i, input);
            result[i] = new DataViewSchema.DetachedColumn(_columns[i].OutputColumnName, output, GetOutputAnnotations(i, input));
        }
        return result;
    }

    /// <summary>What pair <paramref name="column"/> accepts, for the "column missing" message (default: "a column").</summary>
    protected virtual string DescribeAccepted(int column) => "a column";

    /// <inheritdoc/>
    protected sealed override IEnumerable<string> GetInputColumnNames(int outputColumnIndex) => [_columns[outputColumnIndex].InputColumnName];

    /// <inheritdoc/>
    protected sealed override Delegate MakeGetter(DataViewRow input, int outputColumnIndex)
        => MakeGetter(input, outputColumnIndex, input.Schema[_columns[outputColumnIndex].InputColumnName]);
}
