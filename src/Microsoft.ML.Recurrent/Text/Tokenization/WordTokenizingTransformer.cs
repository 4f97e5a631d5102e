using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Recurrent.Text;
using Microsoft.ML.Transforms.Text;

[assembly: ModelComponent("Text.TokenizeIntoWords", 1, typeof(WordTokenizingTransformer))]

namespace Microsoft.ML.Transforms.Text;

/// <summary>
/// The fitted <c>TokenizeIntoWords</c> step: text or a vector of text in, a variable-size vector of text out (the
/// tokens of all items in order), split at separator characters by a <see cref="WordTokenizer"/>. Tokens are slices
/// of the input texts (no copy); empty, missing and separator-only texts give an empty vector.
/// </summary>
public sealed class WordTokenizingTransformer : OneToOneTransformerBase, ILoadableTransformer<WordTokenizingTransformer>
{
    private static readonly VectorDataViewType s_outputType = new(TextDataViewType.Instance);

    /// <summary>Creates the transformer.</summary>
    /// <param name="separators">Separator characters; null or empty means space only.</param>
    /// <param name="columns">The (output, input) column pairs.</param>
    public WordTokenizingTransformer(char[]? separators, params InputOutputColumnPair[] columns)
        : base("TokenizeIntoWords", columns)
    {
        Tokenizer = new WordTokenizer(separators);
    }

    /// <summary>The tokenizer.</summary>
    public WordTokenizer Tokenizer { get; }

    /// <summary>Reads a transformer saved by this class.</summary>
    public static WordTokenizingTransformer Load(ModelLoadContext context)
    {
        Settings s = context.ReadSettings<Settings>();
        if (s.Separators is null || s.Separators.Length == 0 || s.Separators.Any(c => c is < 0 or > char.MaxValue))
            throw context.Error("Separators must be a non-empty list of UTF-16 code units (0..65535)");
        return new WordTokenizingTransformer(s.Separators.Select(c => (char)c).ToArray(), ColumnPairsSettings.ToPairs(context, s.Outputs, s.Inputs));
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
        WordTokenizer tokenizer = Tokenizer;
        return (ValueGetter<VBuffer<ReadOnlyMemory<char>>>)((ref VBuffer<ReadOnlyMemory<char>> value) =>
        {
            reader.Read(texts);
            tokens.Clear();
            foreach (ReadOnlyMemory<char> text in texts)
                tokenizer.Tokenize(text, tokens);
            value = TokenVector.Write(tokens, ref value);
        });
    }

    /// <inheritdoc/>
    protected override void SaveModel(ModelSaveContext context) => context.WriteSettings(new Settings
    {
        Separators = Tokenizer.Separators.Select(c => (int)c).ToArray(),
        Outputs = ColumnPairsSettings.Outputs(Columns),
        Inputs = ColumnPairsSettings.Inputs(Columns),
    });

    private sealed class Settings
    {
        public required int[] Separators { get; init; }
        public required string[] Outputs { get; init; }
        public required string[] Inputs { get; init; }
    }
}
