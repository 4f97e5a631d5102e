using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Recurrent.Text;
using Microsoft.ML.Transforms.Text;

[assembly: ModelComponent("Text.TokenizeIntoCharactersAsKeys", 1, typeof(TokenizingByCharactersTransformer))]

namespace Microsoft.ML.Transforms.Text;

/// <summary>
/// The fitted <c>TokenizeIntoCharactersAsKeys</c> step: text (or a vector of text, whose items are joined with the
/// unit separator U+001F) in, a variable-size vector of <c>Key&lt;UInt16, 65535&gt;</c> out, one key per UTF-16 code unit
/// (<see cref="CharacterTokenizer"/>), optionally between the markers U+0002 and U+0003. The <c>KeyValues</c>
/// annotation holds the 65,535 one-character texts, so <c>MapKeyToValue</c> gives the characters back.
/// </summary>
public sealed class TokenizingByCharactersTransformer : OneToOneTransformerBase, ILoadableTransformer<TokenizingByCharactersTransformer>
{
    /// <summary>Joins the items of a vector of text (ML.NET uses the same separator).</summary>
    public const char UnitSeparator = '\u001F';

    private static readonly KeyDataViewType s_keyType = new(typeof(ushort), CharacterTokenizer.KeyCount);
    private static readonly VectorDataViewType s_outputType = new(s_keyType);
    private static readonly Lazy<ReadOnlyMemory<char>[]> s_keyValues = new(() =>
    {
        var values = new ReadOnlyMemory<char>[CharacterTokenizer.KeyCount];
        for (int i = 0; i < values.Length; i++)
            values[i] = ((char)i).ToString().AsMemory();
        return values;
    });

    /// <summary>Creates the transformer.</summary>
    public TokenizingByCharactersTransformer(bool useMarkerCharacters, params InputOutputColumnPair[] columns)
        : base("TokenizeIntoCharactersAsKeys", columns)
    {
        UseMarkerCharacters = useMarkerCharacters;
    }

    /// <summary>Whether U+0002 and U+0003 surround each text's keys.</summary>
    public bool UseMarkerCharacters { get; }

    /// <summary>Reads a transformer saved by this class.</summary>
    public static TokenizingByCharactersTransformer Load(ModelLoadContext context)
    {
        Settings s = context.ReadSettings<Settings>();
        return new TokenizingByCharactersTransformer(s.UseMarkerCharacters, ColumnPairsSettings.ToPairs(context, s.Outputs, s.Inputs));
    }

    /// <inheritdoc/>
    protected override DataViewType GetOutputType(int column, DataViewType inputType) =>
        TextCellReader.Accepts(inputType) ? s_outputType : throw SchemaMismatch(column, DescribeAccepted(column), inputType);

    /// <inheritdoc/>
    protected override string DescribeAccepted(int column) => "String or Vector<String>";

    /// <inheritdoc/>
    protected override DataViewSchema.Annotations? GetOutputAnnotations(int column, DataViewSchema.Column inputColumn)
    {
        var builder = new DataViewSchema.Annotations.Builder();
        builder.AddTextKeyValues(CharacterTokenizer.KeyCount, () => s_keyValues.Value);
        return builder.ToAnnotations();
    }

    /// <inheritdoc/>
    protected override Delegate MakeGetter(DataViewRow input, int column, DataViewSchema.Column inputColumn)
    {
        var reader = new TextCellReader(input, inputColumn);
        var texts = new List<ReadOnlyMemory<char>>();
        bool markers = UseMarkerCharacters;
        return (ValueGetter<VBuffer<ushort>>)((ref VBuffer<ushort> value) =>
        {
            reader.Read(texts);
            int length = 0;
            foreach (ReadOnlyMemory<char> text in texts)
                length += text.Length;
            length += Math.Max(0, texts.Count - 1);   // separators between items
            int count = CharacterTokenizer.KeyCountFor(length, markers);
            var editor = VBufferEditor.Create(ref value, count);
            if (count > 0)
            {
                Span<ushort> keys = editor.Values;
                int w = 0;
                if (markers)
                    keys[w++] = CharacterTokenizer.ToKey(CharacterTokenizer.StartMarker);
                for (int t = 0; t < texts.Count; t++)
                {
                    if (t > 0)
                        keys[w++] = CharacterTokenizer.ToKey(UnitSeparator);
                    w += CharacterTokenizer.Tokenize(texts[t].Span, useMarkerCharacters: false, keys[w..]);
                }
                if (markers)
                    keys[w++] = CharacterTokenizer.ToKey(CharacterTokenizer.EndMarker);
            }
            value = editor.Commit();
        });
    }

    /// <inheritdoc/>
    protected override void SaveModel(ModelSaveContext context) => context.WriteSettings(new Settings
    {
        UseMarkerCharacters = UseMarkerCharacters,
        Outputs = ColumnPairsSettings.Outputs(Columns),
        Inputs = ColumnPairsSettings.Inputs(Columns),
    });

    private sealed class Settings
    {
        public required bool UseMarkerCharacters { get; init; }
        public required string[] Outputs { get; init; }
        public required string[] Inputs { get; init; }
    }
}
