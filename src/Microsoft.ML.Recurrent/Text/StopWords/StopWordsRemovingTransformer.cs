using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Recurrent.Text;
using Microsoft.ML.Transforms.Text;

[assembly: ModelComponent("Text.RemoveDefaultStopWords", 1, typeof(StopWordsRemovingTransformer))]

namespace Microsoft.ML.Transforms.Text;

/// <summary>
/// The fitted <c>RemoveDefaultStopWords</c> step: a vector of text in, a variable-size vector of text out without the
/// built-in stop words of a language (matched ignoring case and diacritics; see <see cref="StopWordList"/>).
/// </summary>
public sealed class StopWordsRemovingTransformer : OneToOneTransformerBase, ILoadableTransformer<StopWordsRemovingTransformer>
{
    private readonly StopWordList _list;

    /// <summary>Creates the transformer.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="language"/> is not defined.</exception>
    public StopWordsRemovingTransformer(StopWordsRemovingEstimator.Language language, params InputOutputColumnPair[] columns)
        : base("RemoveDefaultStopWords", columns)
    {
        _list = StopWordList.ForLanguage(language);
        Language = language;
    }

    /// <summary>The language whose list is used.</summary>
    public StopWordsRemovingEstimator.Language Language { get; }

    /// <summary>Reads a transformer saved by this class.</summary>
    public static StopWordsRemovingTransformer Load(ModelLoadContext context)
    {
        Settings s = context.ReadSettings<Settings>();
        if (!Enum.IsDefined(s.Language))
            throw context.Error($"Language '{s.Language}' is not a known stop-word language");
        return new StopWordsRemovingTransformer(s.Language, ColumnPairsSettings.ToPairs(context, s.Outputs, s.Inputs));
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
    protected override void SaveModel(ModelSaveContext context) => context.WriteSettings(new Settings
    {
        Language = Language,
        Outputs = ColumnPairsSettings.Outputs(Columns),
        Inputs = ColumnPairsSettings.Inputs(Columns),
    });

    private sealed class Settings
    {
        public required StopWordsRemovingEstimator.Language Language { get; init; }
        public required string[] Outputs { get; init; }
        public required string[] Inputs { get; init; }
    }
}
