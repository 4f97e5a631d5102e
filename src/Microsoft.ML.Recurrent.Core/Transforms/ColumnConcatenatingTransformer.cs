using System.Reflection;
using Microsoft.ML.Data;

[assembly: ModelComponent("Concatenate", 1, typeof(Microsoft.ML.Transforms.ColumnConcatenatingTransformer))]

namespace Microsoft.ML.Transforms;

/// <summary>
/// Concatenates scalar and vector columns of one item type into a vector column: known size when every input
/// has a known size, else variable. Values are copied densely.
/// </summary>
public sealed class ColumnConcatenatingTransformer : RowToRowTransformerBase, ILoadableTransformer<ColumnConcatenatingTransformer>
{
    private readonly string[] _inputs;

    /// <summary>Concatenates <paramref name="inputColumnNames"/> (in order) into <paramref name="outputColumnName"/>.</summary>
    public ColumnConcatenatingTransformer(string outputColumnName, params string[] inputColumnNames)
        : base("Concatenate")
    {
        ArgumentException.ThrowIfNullOrEmpty(outputColumnName);
        ArgumentNullException.ThrowIfNull(inputColumnNames);
        if (inputColumnNames.Length == 0 || inputColumnNames.Any(string.IsNullOrEmpty))
            throw new ArgumentException("Concatenate needs at least one input column, and names must not be empty.", nameof(inputColumnNames));
        OutputColumnName = outputColumnName;
        _inputs = (string[])inputColumnNames.Clone();
    }

    /// <summary>The column produced.</summary>
    public string OutputColumnName { get; }

    /// <summary>The columns read, in order.</summary>
    public IReadOnlyList<string> InputColumnNames => _inputs;

    /// <summary>Reads the transformer from a model file.</summary>
    public static ColumnConcatenatingTransformer Load(ModelLoadContext context)
    {
        Settings s = context.ReadSettings<Settings>();
        if (string.IsNullOrEmpty(s.Output) || s.Inputs.Length == 0 || s.Inputs.Any(string.IsNullOrEmpty))
            throw context.Error("the output name or the input list is empty");
        return new ColumnConcatenatingTransformer(s.Output, s.Inputs);
    }

    /// <inheritdoc/>
    protected override void SaveModel(ModelSaveContext context) => context.WriteSettings(new Settings { Output = OutputColumnName, Inputs = _inputs });

    /// <inheritdoc/>
    protected override DataViewSchema.DetachedColumn[] GetOutputColumns(DataViewSchema inputSchema)
    {
        PrimitiveDataViewType? item = null;
        int size = 0;
        bool known = true;
        foreach (string name in _inputs)
        {
            DataViewSchema.Column column = FindInputColumn(inputSchema, name, item is null ? "a scalar or vector column" : $"{item} or Vector<{item}>");
            PrimitiveDataViewType columnItem;
            int columnSize;
            if (column.Type is VectorDataViewType vector)
            {
                columnItem = vector.ItemType;
                columnSize = vector.Size;
            }
            else if (column.Type is PrimitiveDataViewType primitive)
            {
                columnItem = primitive;
                columnSize = 1;
            }
            else
            {
                throw SchemaMismatch(name, "a scalar or vector column", column.Type);
            }
            if (item is null)
                item = columnItem;
            else if (!item.Equals(columnItem))
                throw SchemaMismatch(name, $"{item} or Vector<{item}> (the item type of '{_inputs[0]}')", column.Type);
            known &= columnSize > 0;
            size = known ? checked(size + columnSize) : 0;
        }
        return [new DataViewSchema.DetachedColumn(OutputColumnName, new VectorDataViewType(item!, known ? size : 0))];
    }

    /// <inheritdoc/>
    protected override IEnumerable<string> GetInputColumnNames(int outputColumnIndex) => _inputs;

    /// <inheritdoc/>
    protected override Delegate MakeGetter(DataViewRow input, int outputColumnIndex)
    {
        var columns = _inputs.Select(n => input.Schema[n]).ToArray();
        Type item = columns[0].Type is VectorDataViewType v ? v.ItemType.RawType : columns[0].Type.RawType;
        int size = ((VectorDataViewType)GetOutputSchema(input.Schema)[OutputColumnName].Type).Size;
        return (Delegate)typeof(ColumnConcatenatingTransformer).GetMethod(nameof(MakeTypedGetter), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(item).Invoke(null, [input, columns, size, OutputColumnName])!;
    }

    private static ValueGetter<VBuffer<T>> MakeTypedGetter<T>(DataViewRow input, DataViewSchema.Column[] columns, int size, string output)
    {
        int n = columns.Length;
        var scalarGetters = new ValueGetter<T>?[n];
        var vectorGetters = new ValueGetter<VBuffer<T>>?[n];
        for (int i = 0; i < n; i++)
        {
            if (columns[i].Type is VectorDataViewType)
                vectorGetters[i] = input.GetGetter<VBuffer<T>>(columns[i]);
            else
                scalarGetters[i] = input.GetGetter<T>(columns[i]);
        }
        var scalars = new T[n];
        var vectors = new VBuffer<T>[n];
        return (ref VBuffer<T> value) =>
        {
            int total = 0;
            for (int i = 0; i < n; i++)
            {
                if (scalarGetters[i] is { } scalar)
                {
                    scalar(ref scalars[i]);
                    total++;
                }
                else
                {
                    vectorGetters[i]!(ref vectors[i]);
                    total += vectors[i].Length;
                }
            }
            if (size > 0 && total != size)
                throw new InvalidOperationException($"Concatenate into '{output}', row {input.Position}: the inputs hold {total} values, but their types declare {size}.");
            VBufferEditor<T> editor = VBufferEditor.Create(ref value, total);
            Span<T> destination = editor.Values;
            int offset = 0;
            for (int i = 0; i < n; i++)
            {
                if (scalarGetters[i] is not null)
                {
                    destination[offset++] = scalars[i];
                }
                else
                {
                    vectors[i].CopyTo(destination.Slice(offset));
                    offset += vectors[i].Length;
                }
            }
            value = editor.Commit();
        };
    }

    private sealed class Settings
    {
        public required string Output { get; init; }

        public required string[] Inputs { get; init; }
    }
}
