using Microsoft.ML.Data;

[assembly: ModelComponent("CopyColumns", 1, typeof(Microsoft.ML.Transforms.ColumnCopyingTransformer))]

namespace Microsoft.ML.Transforms;

/// <summary>Copies columns under new names (values, types and annotations unchanged).</summary>
public sealed class ColumnCopyingTransformer : OneToOneTransformerBase, ILoadableTransformer<ColumnCopyingTransformer>
{
    /// <summary>Copies each input column of <paramref name="columns"/> to its output name.</summary>
    public ColumnCopyingTransformer(params InputOutputColumnPair[] columns)
        : base("CopyColumns", columns)
    {
    }

    /// <summary>Reads the transformer from a model file.</summary>
    public static ColumnCopyingTransformer Load(ModelLoadContext context)
        => new(context.ReadSettings<ColumnPairSettings>().ToPairs(context));

    /// <inheritdoc/>
    protected override void SaveModel(ModelSaveContext context) => context.WriteSettings(ColumnPairSettings.From(Columns));

    /// <inheritdoc/>
    protected override DataViewType GetOutputType(int column, DataViewType inputType) => inputType;

    /// <inheritdoc/>
    protected override DataViewSchema.Annotations? GetOutputAnnotations(int column, DataViewSchema.Column inputColumn) => inputColumn.Annotations;

    /// <inheritdoc/>
    protected override Delegate MakeGetter(DataViewRow input, int column, DataViewSchema.Column inputColumn) => TypedGetter.Get(input, inputColumn);
}
