using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Recurrent.Text.Lemmatization;
using Microsoft.ML.Recurrent.Text.Stemming;

[assembly: ModelComponent(LemmatizingTransformer.ComponentName, LemmatizingTransformer.ComponentVersion, typeof(LemmatizingTransformer))]

namespace Microsoft.ML.Recurrent.Text.Lemmatization;

/// <summary>
/// Replaces every word of a text column (scalar text or a vector of words) by its lemma from a
/// <see cref="LemmaLexicon"/>, or by its stem when a fallback language is set. The lexicon is saved in model.zip.
/// Created by <c>mlContext.Transforms.Text.Lemmatize</c>.
/// </summary>
public sealed class LemmatizingTransformer : OneToOneTransformerBase, ILoadableTransformer<LemmatizingTransformer>
{
    internal const string ComponentName = "Text.Lemmatize";
    internal const int ComponentVersion = 1;

    private const string FormsEntry = "forms";
    private const string LemmasEntry = "lemmas";

    /// <summary>Creates the transformer.</summary>
    /// <param name="lemmatizer">The lexicon and fallback.</param>
    /// <param name="columns">(output, input) pairs; each input is text or a vector of text.</param>
    public LemmatizingTransformer(Lemmatizer lemmatizer, params InputOutputColumnPair[] columns)
        : base("Lemmatize", columns)
    {
        ArgumentNullException.ThrowIfNull(lemmatizer);
        Lemmatizer = lemmatizer;
    }

    /// <summary>The lexicon and fallback this transformer applies.</summary>
    public Lemmatizer Lemmatizer { get; }

    /// <summary>Loads a transformer saved by <see cref="SaveModel"/> (called by the model loader).</summary>
    public static LemmatizingTransformer Load(ModelLoadContext context)
    {
        Settings settings = context.ReadSettings<Settings>();
        if (settings.FallbackLanguage is { } language && !Enum.IsDefined(language))
            throw context.Error($"unknown fallback stemmer language '{language}'; expected one of: {StemmerLanguages.ValidNames}");
        if (settings.EntryCount < 0)
            throw context.Error($"negative lexicon size {settings.EntryCount}");
        string[] forms = context.ReadStrings(FormsEntry);
        string[] lemmas = context.ReadStrings(LemmasEntry);
        if (forms.Length != settings.EntryCount || lemmas.Length != settings.EntryCount)
            throw context.Error($"lexicon of {settings.EntryCount} entries expected, found {forms.Length} forms and {lemmas.Length} lemmas");

        LemmaLexicon lexicon;
        try
        {
            var pairs = new KeyValuePair<string, string>[forms.Length];
            for (int i = 0; i < pairs.Length; i++)
                pairs[i] = new(forms[i], lemmas[i]);
            lexicon = LemmaLexicon.FromPairs(pairs);
        }
        catch (ArgumentException e)
        {
            throw context.Error($"damaged lexicon: {e.Message}", e);
        }
        if (lexicon.Count != settings.EntryCount)
            throw context.Error($"lexicon lists a form twice: {settings.EntryCount} entries but {lexicon.Count} distinct forms");
        var pairsOfColumns = ColumnSettings.ToPairs(context, settings.Outputs, settings.Inputs);
        return new LemmatizingTransformer(new Lemmatizer(lexicon, settings.FallbackLanguage), pairsOfColumns);
    }

    /// <inheritdoc/>
    protected override void SaveModel(ModelSaveContext context)
    {
        var entries = Lemmatizer.Lexicon.Entries;
        var forms = new string[entries.Count];
        var lemmas = new string[entries.Count];
        for (int i = 0; i < forms.Length; i++)
            (forms[i], lemmas[i]) = (entries[i].Key, entries[i].Value);
        context.WriteSettings(new Settings
        {
            FallbackLanguage = Lemmatizer.FallbackLanguage,
            EntryCount = forms.Length,
            Outputs = ColumnSettings.Outputs(Columns),
            Inputs = ColumnSettings.Inputs(Columns),
        });
        context.WriteStrings(FormsEntry, forms);
        context.WriteStrings(LemmasEntry, lemmas);
    }

    /// <inheritdoc/>
    protected override DataViewType GetOutputType(int column, DataViewType inputType)
        => WordColumnGetter.OutputTypeFor(inputType) ?? throw SchemaMismatch(column, WordColumnGetter.Accepted, inputType);

    /// <inheritdoc/>
    protected override string DescribeAccepted(int column) => WordColumnGetter.Accepted;

    /// <inheritdoc/>
    protected override Delegate MakeGetter(DataViewRow input, int column, DataViewSchema.Column inputColumn)
        => WordColumnGetter.Create(input, inputColumn, new LemmatizingWordMapper(Lemmatizer));

    private sealed class Settings
    {
        public required StemmerLanguage? FallbackLanguage { get; init; }

        public required int EntryCount { get; init; }

        public required string[] Outputs { get; init; }

        public required string[] Inputs { get; init; }
    }
}
