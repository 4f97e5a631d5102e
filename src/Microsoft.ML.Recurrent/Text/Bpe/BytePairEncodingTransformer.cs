using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Recurrent.Text;
using Microsoft.ML.Transforms.Text;

[assembly: ModelComponent("Text.BytePairEncoding", 1, typeof(BytePairEncodingTransformer))]

namespace Microsoft.ML.Transforms.Text;

/// <summary>
/// The fitted <c>TokenizeIntoBytePairs</c> step: text (or a vector of text, items encoded one after the other) in, a
/// variable-size vector of <c>Key&lt;UInt32, VocabularySize&gt;</c> out: key = token id + 1 (key 0, missing, never
/// occurs). The <c>KeyValues</c> annotation holds each token's readable text (<see cref="BytePairEncoding.GetTokenText"/>);
/// <see cref="Decode"/> gives the exact text back. model.zip stores the merge rules as an int32 tensor <c>merges</c> of shape (rules, 2).
/// </summary>
public sealed class BytePairEncodingTransformer : OneToOneTransformerBase, ILoadableTransformer<BytePairEncodingTransformer>
{
    private readonly KeyDataViewType _keyType;
    private readonly VectorDataViewType _outputType;
    private readonly Lazy<ReadOnlyMemory<char>[]> _keyValues;

    /// <summary>Creates the transformer from a trained encoding.</summary>
    public BytePairEncodingTransformer(BytePairEncoding encoding, params InputOutputColumnPair[] columns)
        : base("TokenizeIntoBytePairs", columns)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        Encoding = encoding;
        _keyType = new KeyDataViewType(typeof(uint), encoding.VocabularySize);
        _outputType = new VectorDataViewType(_keyType);
        _keyValues = new(() =>
        {
            var values = new ReadOnlyMemory<char>[encoding.VocabularySize];
            for (int id = 0; id < values.Length; id++)
                values[id] = encoding.GetTokenText(id).AsMemory();
            return values;
        });
    }

    /// <summary>The trained encoding (encode, decode, token texts).</summary>
    public BytePairEncoding Encoding { get; }

    /// <summary>The exact text of a sequence of keys produced by this transformer (key = id + 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A key is 0 or above the vocabulary size.</exception>
    public string Decode(ReadOnlySpan<uint> keys)
    {
        var ids = new int[keys.Length];
        for (int i = 0; i < keys.Length; i++)
        {
            if (keys[i] == 0 || keys[i] > (uint)Encoding.VocabularySize)
                throw new ArgumentOutOfRangeException(nameof(keys), keys[i], $"Key {keys[i]} at position {i} is not in 1..{Encoding.VocabularySize}.");
            ids[i] = (int)keys[i] - 1;
        }
        return Encoding.Decode(ids);
    }

    /// <summary>Reads a transformer saved by this class.</summary>
    public static BytePairEncodingTransformer Load(ModelLoadContext context)
    {
        Settings s = context.ReadSettings<Settings>();
        if (s.MergeCount < 0 || s.MergeCount > int.MaxValue / 2 - BytePairEncoding.ByteTokenCount)
            throw context.Error($"MergeCount {s.MergeCount} is out of range");
        int[] flat = context.ReadTensor<int>("merges", [s.MergeCount, 2]);
        var merges = new (int, int)[s.MergeCount];
        for (int r = 0; r < merges.Length; r++)
            merges[r] = (flat[2 * r], flat[2 * r + 1]);
        BytePairEncoding encoding;
        try
        {
            encoding = new BytePairEncoding(merges);
        }
        catch (ArgumentException e)
        {
            throw context.Error("the merge rules are inconsistent: " + e.Message, e);
        }
        return new BytePairEncodingTransformer(encoding, ColumnPairsSettings.ToPairs(context, s.Outputs, s.Inputs));
    }

    /// <inheritdoc/>
    protected override DataViewType GetOutputType(int column, DataViewType inputType) =>
        TextCellReader.Accepts(inputType) ? _outputType : throw SchemaMismatch(column, DescribeAccepted(column), inputType);

    /// <inheritdoc/>
    protected override string DescribeAccepted(int column) => "String or Vector<String>";

    /// <inheritdoc/>
    protected override DataViewSchema.Annotations? GetOutputAnnotations(int column, DataViewSchema.Column inputColumn)
    {
        var builder = new DataViewSchema.Annotations.Builder();
        builder.AddTextKeyValues(Encoding.VocabularySize, () => _keyValues.Value);
        return builder.ToAnnotations();
    }

    /// <inheritdoc/>
    protected override Delegate MakeGetter(DataViewRow input, int column, DataViewSchema.Column inputColumn)
    {
        var reader = new TextCellReader(input, inputColumn);
        var texts = new List<ReadOnlyMemory<char>>();
        var ids = new List<int>();
        BytePairEncoding encoding = Encoding;
        return (ValueGetter<VBuffer<uint>>)((ref VBuffer<uint> value) =>
        {
            reader.Read(texts);
            ids.Clear();
            foreach (ReadOnlyMemory<char> text in texts)
                encoding.Encode(text.Span, ids);
            var editor = VBufferEditor.Create(ref value, ids.Count);
            for (int i = 0; i < ids.Count; i++)
                editor.Values[i] = (uint)ids[i] + 1;
            value = editor.Commit();
        });
    }

    /// <inheritdoc/>
    protected override void SaveModel(ModelSaveContext context)
    {
        context.WriteSettings(new Settings
        {
            MergeCount = Encoding.Merges.Count,
            Outputs = ColumnPairsSettings.Outputs(Columns),
            Inputs = ColumnPairsSettings.Inputs(Columns),
        });
        var flat = new int[2 * Encoding.Merges.Count];
        for (int r = 0; r < Encoding.Merges.Count; r++)
            (flat[2 * r], flat[2 * r + 1]) = Encoding.Merges[r];
        context.WriteTensor<int>("merges", flat, [Encoding.Merges.Count, 2]);
    }

    private sealed class Settings
    {
        public required int MergeCount { get; init; }
        public required string[] Outputs { get; init; }
        public required string[] Inputs { get; init; }
    }
}
