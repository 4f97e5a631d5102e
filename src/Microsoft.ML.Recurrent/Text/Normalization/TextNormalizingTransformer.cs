using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Recurrent.Text;
using Microsoft.ML.Transforms.Text;

[assembly: ModelComponent("Text.NormalizeText", 1, typeof(TextNormalizingTransformer))]

namespace Microsoft.ML.Transforms.Text;

/// <summary>
/// The fitted <c>NormalizeText</c> step: text or a vector of text in, the same shape out, each text normalized by a
/// <see cref="TextNormalizer"/> (case, diacritics, punctuation, digits). Unchanged texts are handed on without a copy.
/// </summary>
public sealed class TextNormalizingTransformer : OneToOneTransformerBase, ILoadableTransformer<TextNormalizingTransformer>
{
    /// <summary>Creates the transformer for the given column pairs and settings.</summary>
    public TextNormalizingTransformer(TextNormalizer normalizer, params InputOutputColumnPair[] columns)
        : base("NormalizeText", columns)
    {
        ArgumentNullException.ThrowIfNull(normalizer);
        Normalizer = normalizer;
    }

    /// <summary>The normalizer applied to each text.</summary>
    public TextNormalizer Normalizer { get; }

    /// <summary>Reads a transformer saved by this class.</summary>
    public static TextNormalizingTransformer Load(ModelLoadContext context)
    {
        Settings s = context.ReadSettings<Settings>();
        if (!Enum.IsDefined(s.CaseMode))
            throw context.Error($"CaseMode '{s.CaseMode}' is not Lower, Upper or None.");
        return new TextNormalizingTransformer(new TextNormalizer(s.CaseMode, s.KeepDiacritics, s.KeepPunctuations, s.KeepNumbers),
            ColumnPairsSettings.ToPairs(context, s.Outputs, s.Inputs));
    }

    /// <inheritdoc/>
    protected override DataViewType GetOutputType(int column, DataViewType inputType) =>
        TextCellReader.Accepts(inputType) ? inputType : throw SchemaMismatch(column, DescribeAccepted(column), inputType);

    /// <inheritdoc/>
    protected override string DescribeAccepted(int column) => "String or Vector<String>";

    /// <inheritdoc/>
    protected override Delegate MakeGetter(DataViewRow input, int column, DataViewSchema.Column inputColumn)
    {
        TextNormalizer normalizer = Normalizer;
        char[]? buffer = null;
        if (inputColumn.Type is TextDataViewType)
        {
            ValueGetter<ReadOnlyMemory<char>> source = input.GetGetter<ReadOnlyMemory<char>>(inputColumn);
            ReadOnlyMemory<char> text = default;
            return (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> value) =>
            {
                source(ref text);
                value = Normalize(normalizer, text, ref buffer);
            });
        }
        ValueGetter<VBuffer<ReadOnlyMemory<char>>> vectorSource = input.GetGetter<VBuffer<ReadOnlyMemory<char>>>(inputColumn);
        VBuffer<ReadOnlyMemory<char>> src = default;
        return (ValueGetter<VBuffer<ReadOnlyMemory<char>>>)((ref VBuffer<ReadOnlyMemory<char>> value) =>
        {
            vectorSource(ref src);
            ReadOnlySpan<ReadOnlyMemory<char>> values = src.GetValues();
            ReadOnlySpan<int> indices = src.GetIndices();
            var editor = VBufferEditor.Create(ref value, src.Length, values.Length, requireIndicesOnDense: false);
            for (int i = 0; i < values.Length; i++)
                editor.Values[i] = Normalize(normalizer, values[i], ref buffer);
            if (!src.IsDense)
                indices.CopyTo(editor.Indices);
            value = editor.Commit();
        });
    }

    // Text handed out must never change afterwards, so a changed text is copied out of the reused buffer.
    private static ReadOnlyMemory<char> Normalize(TextNormalizer normalizer, ReadOnlyMemory<char> text, ref char[]? buffer)
    {
        ReadOnlyMemory<char> result = normalizer.Normalize(text, ref buffer);
        return result.Equals(text) ? text : new string(result.Span).AsMemory();
    }

    /// <inheritdoc/>
    protected override void SaveModel(ModelSaveContext context) => context.WriteSettings(new Settings
    {
        CaseMode = Normalizer.CaseMode,
        KeepDiacritics = Normalizer.KeepDiacritics,
        KeepPunctuations = Normalizer.KeepPunctuations,
        KeepNumbers = Normalizer.KeepNumbers,
        Outputs = ColumnPairsSettings.Outputs(Columns),
        Inputs = ColumnPairsSettings.Inputs(Columns),
    });

    private sealed class Settings
    {
        public required TextNormalizingEstimator.CaseMode CaseMode { get; init; }
        public required bool KeepDiacritics { get; init; }
        public required bool KeepPunctuations { get; init; }
        public required bool KeepNumbers { get; init; }
        public required string[] Outputs { get; init; }
        public required string[] Inputs { get; init; }
    }
}
