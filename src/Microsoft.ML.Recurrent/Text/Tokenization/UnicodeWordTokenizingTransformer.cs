using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Recurrent.Text;
using Microsoft.ML.Transforms.Text;

[assembly: ModelComponent("Text.TokenizeIntoUnicodeWords", 1, typeof(UnicodeWordTokenizingTransformer))]

namespace Microsoft.ML.Transforms.Text;

/// <summary>
/// The fitted <c>TokenizeIntoUnicodeWords</c> step: text or a vector of text in, a variable-size vector of text out,
/// tokenized by the <see cref="UnicodeWordTokenizer"/> (punctuation split from words; numbers, contractions, URLs,
/// e-mail addresses and emoji kept whole; rules in docs/text.md). Tokens are slices of the input (no copy).
/// </summary>
public sealed class UnicodeWordTokenizingTransformer : OneToOneTransformerBase, ILoadableTransformer<UnicodeWordTokenizingTransformer>
{
    private static readonly VectorDataViewType s_outputType = new(TextDataViewType.Instance);

    /// <summary>Creates the transformer for the given column pairs.</summary>
    public UnicodeWordTokenizingTransformer(params InputOutputColumnPair[] columns)
        : base("TokenizeIntoUnicodeWords", columns)
    {
    }

    /// <summary>Reads a transformer saved by this class.</summary>
    public static UnicodeWordTokenizingTransformer Load(ModelLoadContext context)
    {
        Settings s = context.ReadSettings<Settings>();
        return new UnicodeWordTokenizingTransformer(ColumnPairsSettings.ToPairs(context, s.Outputs, s.Inputs));
    }

    /// <inheritdoc/>
    protected override DataViewType GetOutputType(int column, DataViewType inputType) =>
        TextCellReader.Accepts(inputType) ? s_outputType : throw SchemaMismatch(column, DescribeAccepted(column), inputType);

    /// <inheritdoc/>
    protected override string DescribeAccepted(int column) => "String or Vector<String>";

    /// <inheritdoc/>
    protected override Delegate MakeGetter(DataViewRow input, int column, DataViewSchema.Column inputColumn)
    {
        var reader = new TextCellReader(input, inputColumn);
        var texts = new List<ReadOnlyMemory<char>>();
        var tokens = new List<ReadOnlyMemory<char>>();
        var spans = new List<TokenSpan>();
        return (ValueGetter<VBuffer<ReadOnlyMemory<char>>>)((ref VBuffer<ReadOnlyMemory<char>> value) =>
        {
            reader.Read(texts);
            tokens.Clear();
            foreach (ReadOnlyMemory<char> text in texts)
                UnicodeWordTokenizer.Instance.Tokenize(text, tokens, spans);
            value = TokenVector.Write(tokens, ref value);
        });
    }

    /// <inheritdoc/>
    protected override void SaveModel(ModelSaveContext context) => context.WriteSettings(new Settings
    {
        Outputs = ColumnPairsSettings.Outputs(Columns),
        Inputs = ColumnPairsSettings.Inputs(Columns),
    });

    private sealed class Settings
    {
        public required string[] Outputs { get; init; }
        public required string[] Inputs { get; init; }
    }
}
