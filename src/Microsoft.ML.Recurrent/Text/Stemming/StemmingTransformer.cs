using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Recurrent.Text.Stemming;

[assembly: ModelComponent(StemmingTransformer.ComponentName, StemmingTransformer.ComponentVersion, typeof(StemmingTransformer))]

namespace Microsoft.ML.Recurrent.Text.Stemming;

/// <summary>
/// Replaces every word of a text column (scalar text or a vector of words) by its Snowball stem; the output has the
/// input's shape. Created by <c>mlContext.Transforms.Text.StemWords</c>; nothing to learn.
/// </summary>
public sealed class StemmingTransformer : OneToOneTransformerBase, ILoadableTransformer<StemmingTransformer>
{
    internal const string ComponentName = "Text.StemWords";
    internal const int ComponentVersion = 1;

    private readonly Stemmer _stemmer;

    /// <summary>Creates the transformer for <paramref name="language"/> over <paramref name="columns"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="language"/> is not defined.</exception>
    public StemmingTransformer(StemmerLanguage language, params InputOutputColumnPair[] columns)
        : base("StemWords", columns)
    {
        _stemmer = Stemmer.Create(language);
        Language = language;
    }

    /// <summary>The stemming language.</summary>
    public StemmerLanguage Language { get; }

    /// <summary>Loads a transformer saved by <see cref="SaveModel"/> (called by the model loader).</summary>
    public static StemmingTransformer Load(ModelLoadContext context)
    {
        Settings settings = context.ReadSettings<Settings>();
        if (!Enum.IsDefined(settings.Language))
            throw context.Error($"unknown stemmer language '{settings.Language}'; expected one of: {StemmerLanguages.ValidNames}");
        return new StemmingTransformer(settings.Language, ColumnSettings.ToPairs(context, settings.Outputs, settings.Inputs));
    }

    /// <inheritdoc/>
    protected override void SaveModel(ModelSaveContext context)
        => context.WriteSettings(new Settings
        {
            Language = Language,
            Outputs = ColumnSettings.Outputs(Columns),
            Inputs = ColumnSettings.Inputs(Columns),
        });

    /// <inheritdoc/>
    protected override DataViewType GetOutputType(int column, DataViewType inputType)
        => WordColumnGetter.OutputTypeFor(inputType) ?? throw SchemaMismatch(column, WordColumnGetter.Accepted, inputType);

    /// <inheritdoc/>
    protected override string DescribeAccepted(int column) => WordColumnGetter.Accepted;

    /// <inheritdoc/>
    protected override Delegate MakeGetter(DataViewRow input, int column, DataViewSchema.Column inputColumn)
        => WordColumnGetter.Create(input, inputColumn, new StemmingWordMapper(_stemmer));

    private sealed class Settings
    {
        public required StemmerLanguage Language { get; init; }

        public required string[] Outputs { get; init; }

        public required string[] Inputs { get; init; }
    }
}
