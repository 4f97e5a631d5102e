using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Recurrent.Text;
using Microsoft.ML.Transforms.Text;

[assembly: ModelComponent("Text.RemoveStopWords", 1, typeof(CustomStopWordsRemovingTransformer))]

namespace Microsoft.ML.Transforms.Text;

/// <summary>
/// The fitted <c>RemoveStopWords</c> step: a vector of text in, a variable-size vector of text out without the words
/// of a custom list (matched ignoring case and diacritics, as the built-in lists).
/// </summary>
public sealed class CustomStopWordsRemovingTransformer : OneToOneTransformerBase, ILoadableTransformer<CustomStopWordsRemovingTransformer>
{
    private readonly string[] _stopWords;
    private readonly StopWordList _list;

    /// <summary>Creates the transformer.</summary>
    /// <exception cref="ArgumentException">A stop word is null.</exception>
    public CustomStopWordsRemovingTransformer(string[] stopWords, params InputOutputColumnPair[] columns)
        : base("RemoveStopWords", columns)
    {
        ArgumentNullException.ThrowIfNull(stopWords);
        _stopWords = (string[])stopWords.Clone();
        _list = StopWordList.FromWords(_stopWords);
    }

    /// <summary>The stop words as given.</summary>
    public IReadOnlyList<string> StopWords => _stopWords;

    /// <summary>Reads a transformer saved by this class.</summary>
    public static CustomStopWordsRemovingTransformer Load(ModelLoadContext context)
    {
        Settings s = context.ReadSettings<Settings>();
        string[] words = context.ReadStrings("stopwords");
        if (words.Any(w => w is null))
            throw context.Error("the stop-word list holds a null entry");
        return new CustomStopWordsRemovingTransformer(words, ColumnPairsSettings.ToPairs(context, s.Outputs, s.Inputs));
    }

    /// <inheritdoc/>
    protected override DataViewType GetOutputType(int column, DataViewType inputType) =>
        StopWordFilter.OutputType(inputType) ?? throw SchemaMismatch(column, DescribeAccepted(column), inputType);

    /// <inheritdoc/>
    protected override string DescribeAccepted(int column) => "Vector<String>";

    /// <inheritdoc/>
    protected override Delegate MakeGetter(DataViewRow input, int column, DataViewSchema.Column inputColumn) =>
        StopWordFilter.MakeGetter(input, inputColumn, _list);

    /// <inheritdoc/>
    protected override void SaveModel(ModelSaveContext context)
    {
        context.WriteSettings(new Settings
        {
            Outputs = ColumnPairsSettings.Outputs(Columns),
            Inputs = ColumnPairsSettings.Inputs(Columns),
        });
        context.WriteStrings("stopwords", _stopWords);
    }

    private sealed class Settings
    {
        public required string[] Outputs { get; init; }
        public required string[] Inputs { get; init; }
    }
}
