using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Recurrent.Text;
using Microsoft.ML.Transforms.Text;

[assembly: ModelComponent("Text.Vocabulary", 1, typeof(VocabularyTransformer))]

namespace Microsoft.ML.Transforms.Text;

/// <summary>
/// The fitted vocabulary step (<c>MapTokensToKeys</c>): a text column (scalar → scalar key) or a vector of text
/// (→ variable-size vector of keys) is mapped through a <see cref="Vocabulary"/> to <c>Key&lt;UInt32, Count&gt;</c>
/// with ML.NET's key semantics (1-based; unknown tokens get the <c>&lt;unk&gt;</c> key, or 0 = missing when there is no
/// unknown token), and a <c>KeyValues</c> annotation holding the tokens, so <c>MapKeyToValue</c> maps keys back.
/// With <see cref="AddBeginAndEndTokens"/>, each vector starts with <c>&lt;s&gt;</c> and ends with <c>&lt;/s&gt;</c>.
/// </summary>
public sealed class VocabularyTransformer : OneToOneTransformerBase, ILoadableTransformer<VocabularyTransformer>
{
    private readonly KeyDataViewType _keyType;
    private readonly uint _beginKey;
    private readonly uint _endKey;

    /// <summary>Creates the transformer.</summary>
    /// <exception cref="ArgumentException"><paramref name="addBeginAndEndTokens"/> is set but the vocabulary lacks <c>&lt;s&gt;</c> or <c>&lt;/s&gt;</c>.</exception>
    public VocabularyTransformer(Vocabulary vocabulary, bool addBeginAndEndTokens, params InputOutputColumnPair[] columns)
        : base("MapTokensToKeys", columns)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        if (vocabulary.Count == 0)
            throw new ArgumentException("The vocabulary is empty; a key type needs at least one value.", nameof(vocabulary));
        Vocabulary = vocabulary;
        AddBeginAndEndTokens = addBeginAndEndTokens;
        _keyType = new KeyDataViewType(typeof(uint), vocabulary.Count);
        if (addBeginAndEndTokens)
        {
            if (!vocabulary.TryGetKey(Vocabulary.BeginToken, out _beginKey) || !vocabulary.TryGetKey(Vocabulary.EndToken, out _endKey))
                throw new ArgumentException($"AddBeginAndEndTokens needs '{Vocabulary.BeginToken}' and '{Vocabulary.EndToken}' in the vocabulary's special tokens.", nameof(addBeginAndEndTokens));
        }
    }

    /// <summary>The vocabulary (tokens in key order).</summary>
    public Vocabulary Vocabulary { get; }

    /// <summary>Whether each vector is wrapped in <c>&lt;s&gt;</c> … <c>&lt;/s&gt;</c>.</summary>
    public bool AddBeginAndEndTokens { get; }

    /// <summary>Reads a transformer saved by this class.</summary>
    public static VocabularyTransformer Load(ModelLoadContext context)
    {
        Settings s = context.ReadSettings<Settings>();
        string[] tokens = context.ReadStrings("vocabulary");
        Vocabulary vocabulary;
        try
        {
            vocabulary = new Vocabulary(tokens, s.UnknownToken);
            return new VocabularyTransformer(vocabulary, s.AddBeginAndEndTokens, ColumnPairsSettings.ToPairs(context, s.Outputs, s.Inputs));
        }
        catch (ArgumentException e) when (e is not SchemaMismatchException)
        {
            throw context.Error("the vocabulary is inconsistent: " + e.Message, e);
        }
    }

    /// <inheritdoc/>
    protected override DataViewType GetOutputType(int column, DataViewType inputType) => inputType switch
    {
        TextDataViewType when !AddBeginAndEndTokens => _keyType,
        VectorDataViewType { ItemType: TextDataViewType } => new VectorDataViewType(_keyType),
        _ => throw SchemaMismatch(column, DescribeAccepted(column), inputType),
    };

    /// <inheritdoc/>
    protected override string DescribeAccepted(int column) => AddBeginAndEndTokens ? "Vector<String>" : "String or Vector<String>";

    /// <inheritdoc/>
    protected override DataViewSchema.Annotations? GetOutputAnnotations(int column, DataViewSchema.Column inputColumn)
    {
        var builder = new DataViewSchema.Annotations.Builder();
        ReadOnlyMemory<char>[] values = Vocabulary.Tokens.Select(t => t.AsMemory()).ToArray();
        builder.AddTextKeyValues(values.Length, () => values);
        return builder.ToAnnotations();
    }

    /// <inheritdoc/>
    protected override Delegate MakeGetter(DataViewRow input, int column, DataViewSchema.Column inputColumn)
    {
        Vocabulary vocabulary = Vocabulary;
        if (inputColumn.Type is TextDataViewType)
        {
            ValueGetter<ReadOnlyMemory<char>> source = input.GetGetter<ReadOnlyMemory<char>>(inputColumn);
            ReadOnlyMemory<char> text = default;
            return (ValueGetter<uint>)((ref uint value) =>
            {
                source(ref text);
                value = text.IsEmpty ? 0 : vocabulary.GetKey(text.Span);   // empty text is missing, as in MapValueToKey
            });
        }
        var reader = new TextCellReader(input, inputColumn);
        var tokens = new List<ReadOnlyMemory<char>>();
        bool wrap = AddBeginAndEndTokens;
        uint begin = _beginKey, end = _endKey;
        return (ValueGetter<VBuffer<uint>>)((ref VBuffer<uint> value) =>
        {
            reader.Read(tokens);
            int extra = wrap ? 2 : 0;
            var editor = VBufferEditor.Create(ref value, tokens.Count + extra);
            Span<uint> keys = editor.Values;
            int w = 0;
            if (wrap)
                keys[w++] = begin;
            foreach (ReadOnlyMemory<char> token in tokens)
                keys[w++] = token.IsEmpty ? 0 : vocabulary.GetKey(token.Span);
            if (wrap)
                keys[w++] = end;
            value = editor.Commit();
        });
    }

    /// <inheritdoc/>
    protected override void SaveModel(ModelSaveContext context)
    {
        context.WriteSettings(new Settings
        {
            UnknownToken = Vocabulary.UnknownTokenText,
            AddBeginAndEndTokens = AddBeginAndEndTokens,
            Outputs = ColumnPairsSettings.Outputs(Columns),
            Inputs = ColumnPairsSettings.Inputs(Columns),
        });
        context.WriteStrings("vocabulary", Vocabulary.Tokens);
    }

    private sealed class Settings
    {
        public required string? UnknownToken { get; init; }
        public required bool AddBeginAndEndTokens { get; init; }
        public required string[] Outputs { get; init; }
        public required string[] Inputs { get; init; }
    }
}
