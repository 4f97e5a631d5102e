using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Recurrent.NGram;

[assembly: ModelComponent(NGramLanguageModelTransformer.ComponentName, 1, typeof(NGramLanguageModelTransformer))]

namespace Microsoft.ML.Recurrent.NGram;

/// <summary>
/// A fitted n-gram language model in a pipeline. For each row (one sentence in the token column) it adds:
/// Log10Probability, LogProbability, Perplexity and TokenCount (scored as KenLM's query: the row's words, then
/// <c>&lt;/s&gt;</c>), and, computed only when a column is read: NextWords and NextWordProbabilities (exact top-k after the
/// row's words), CompletedWord (the row's last token completed as a prefix) and Generated (words generated after the row).
/// Saved in model.zip as component "Recurrent.NGramLanguageModel": settings JSON plus the n-gram arrays as tensors.
/// </summary>
public sealed class NGramLanguageModelTransformer : RowToRowTransformerBase, ILoadableTransformer<NGramLanguageModelTransformer>
{
    /// <summary>The stable component name in model.zip.</summary>
    public const string ComponentName = "Recurrent.NGramLanguageModel";

    private readonly ColumnSettings _columns;
    private readonly NGramGenerationOptions _generation;

    internal NGramLanguageModelTransformer(NGramLanguageModel model, ColumnSettings columns, NGramGenerationOptions generation)
        : base("NGramLanguageModel")
    {
        Model = model;
        _columns = columns;
        _generation = generation;
    }

    /// <summary>
    /// Wraps an already estimated (or ARPA-loaded) model as a pipeline transformer with the default output column
    /// names of <see cref="NGramLanguageModelEstimator.Options"/>, e.g. to save it as model.zip with
    /// <c>mlContext.Model.Save</c>.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="options">Input column, output names, suggestions and generation; null for the defaults. Its <c>Model</c> settings are not used.</param>
    public NGramLanguageModelTransformer(NGramLanguageModel model, NGramLanguageModelEstimator.Options? options = null)
        : base("NGramLanguageModel")
    {
        ArgumentNullException.ThrowIfNull(model);
        options ??= new NGramLanguageModelEstimator.Options();
        options.Validate();
        Model = model;
        _columns = ColumnSettings.From(options);
        var g = options.Generation;
        _generation = new NGramGenerationOptions { MaxTokens = g.MaxTokens, Temperature = g.Temperature, TopK = g.TopK, TopP = g.TopP, Seed = g.Seed ?? 0 };
    }

    /// <summary>The model, usable without the pipeline.</summary>
    public NGramLanguageModel Model { get; }

    internal static DataViewSchema OutputSchemaFor(DataViewSchema input, ColumnSettings columns)
    {
        NGramTokenColumn.Find(input, columns.Input);
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(input);
        foreach (var c in OutputColumns(columns)) builder.AddColumn(c.Name, c.Type, c.Annotations);
        return builder.ToSchema();
    }

    private static DataViewSchema.DetachedColumn[] OutputColumns(ColumnSettings c) =>
    [
        new(c.Log10Probability, NumberDataViewType.Single),
        new(c.LogProbability, NumberDataViewType.Single),
        new(c.Perplexity, NumberDataViewType.Single),
        new(c.TokenCount, NumberDataViewType.Int32),
        new(c.NextWords, new VectorDataViewType(TextDataViewType.Instance, c.SuggestionCount)),
        new(c.NextWordProbabilities, new VectorDataViewType(NumberDataViewType.Single, c.SuggestionCount)),
        new(c.CompletedWord, TextDataViewType.Instance),
        new(c.Generated, TextDataViewType.Instance),
    ];

    /// <inheritdoc/>
    protected override DataViewSchema.DetachedColumn[] GetOutputColumns(DataViewSchema inputSchema)
    {
        NGramTokenColumn.Find(inputSchema, _columns.Input);
        return OutputColumns(_columns);
    }

    /// <inheritdoc/>
    protected override IEnumerable<string> GetInputColumnNames(int outputColumnIndex) => [_columns.Input];

    /// <inheritdoc/>
    protected override Delegate MakeGetter(DataViewRow input, int outputColumnIndex)
    {
        var reader = new NGramTokenColumn(input, input.Schema[_columns.Input]);
        var model = Model;
        var vocabulary = model.Vocabulary;
        int[] ids = new int[64];
        int k = _columns.SuggestionCount;
        var suggestionIds = new int[k];
        var suggestionProbs = new float[k];
        switch (outputColumnIndex)
        {
            case 0:
            case 1:
            case 2:
            case 3:
                return ScoreGetter(outputColumnIndex, reader, model, ids);
            case 4:
                return (ValueGetter<VBuffer<ReadOnlyMemory<char>>>)((ref VBuffer<ReadOnlyMemory<char>> value) =>
                {
                    int n = Suggest(reader, model, ref ids, suggestionIds, suggestionProbs);
                    var editor = VBufferEditor.Create(ref value, k);
                    for (int i = 0; i < k; i++) editor.Values[i] = i < n ? vocabulary[suggestionIds[i]].AsMemory() : ReadOnlyMemory<char>.Empty;
                    value = editor.Commit();
                });
            case 5:
                return (ValueGetter<VBuffer<float>>)((ref VBuffer<float> value) =>
                {
                    int n = Suggest(reader, model, ref ids, suggestionIds, suggestionProbs);
                    var editor = VBufferEditor.Create(ref value, k);
                    for (int i = 0; i < k; i++) editor.Values[i] = i < n ? MathF.Pow(10f, suggestionProbs[i]) : 0f;
                    value = editor.Commit();
                });
            case 6:
                return (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> value) =>
                {
                    int n = reader.ReadIds(vocabulary, ref ids);
                    string last = reader.LastToken();
                    var state = model.BeginSentence();
                    for (int i = 0; i < n - 1; i++) model.Score(state, ids[i], out state);
                    value = last.Length == 0 ? ReadOnlyMemory<char>.Empty : CompletePrefix(model, state, last).AsMemory();
                });
            case 7:
                var generated = new int[_generation.MaxTokens];
                return (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> value) =>
                {
                    int n = reader.ReadIds(vocabulary, ref ids);
                    var state = model.BeginSentence();
                    for (int i = 0; i < n; i++) model.Score(state, ids[i], out state);
                    int m = model.Generate(state, generated, _generation);
                    var words = new List<string>(m);
                    for (int i = 0; i < m; i++)
                        if (generated[i] != NGramVocabulary.EndOfSentenceId) words.Add(vocabulary[generated[i]]);
                    value = string.Join(' ', words).AsMemory();
                });
            default:
                throw new ArgumentOutOfRangeException(nameof(outputColumnIndex), outputColumnIndex, "The transformer adds 8 columns.");
        }
    }

    private static Delegate ScoreGetter(int column, NGramTokenColumn reader, NGramLanguageModel model, int[] ids)
    {
        double Sum(out int tokens)
        {
            int n = reader.ReadIds(model.Vocabulary, ref ids);
            tokens = n + 1;
            return model.ScoreSentence(ids.AsSpan(0, n), default); // same sum, next tokens prefetched
        }
        return column switch
        {
            0 => (ValueGetter<float>)((ref float value) => value = (float)Sum(out _)),
            1 => (ValueGetter<float>)((ref float value) => value = (float)(Sum(out _) * Math.Log(10))),
            2 => (ValueGetter<float>)((ref float value) =>
            {
                double sum = Sum(out int tokens);
                value = (float)Math.Pow(10, -sum / tokens);
            }),
            _ => (ValueGetter<int>)((ref int value) =>
            {
                Sum(out int tokens);
                value = tokens;
            }),
        };
    }

    private static int Suggest(NGramTokenColumn reader, NGramLanguageModel model, ref int[] ids, int[] suggestionIds, float[] suggestionProbs)
    {
        int n = reader.ReadIds(model.Vocabulary, ref ids);
        var state = model.BeginSentence();
        for (int i = 0; i < n; i++) model.Score(state, ids[i], out state);
        return model.PredictNextWords(state, suggestionIds, suggestionProbs);
    }

    private static string CompletePrefix(NGramLanguageModel model, in NGramState state, string prefix)
    {
        string best = "";
        float bestProb = float.NegativeInfinity;
        foreach (int id in model.Vocabulary.WordsStartingWith(prefix))
        {
            float p = model.Score(state, id, out _);
            if (p > bestProb) { bestProb = p; best = model.Vocabulary[id]; }
        }
        return best;
    }

    /// <inheritdoc/>
    protected override void SaveModel(ModelSaveContext context)
    {
        var data = Model.Data;
        context.WriteSettings(new Settings
        {
            Columns = _columns,
            Order = data.Order,
            Smoothing = Model.Smoothing,
            GenerationMaxTokens = _generation.MaxTokens,
            GenerationTemperature = _generation.Temperature,
            GenerationTopK = _generation.TopK,
            GenerationTopP = _generation.TopP,
            GenerationSeed = _generation.Seed ?? 0,
        });
        context.WriteStrings("vocabulary", data.Words);
        context.WriteTensor<float>("unigram.log10_prob", data.UnigramProb);
        context.WriteTensor<float>("unigram.log10_backoff", data.UnigramBackoff);
        foreach (var order in data.Higher)
        {
            string prefix = $"order{order.Order}.";
            context.WriteTensor<int>(prefix + "context", order.Context);
            context.WriteTensor<int>(prefix + "word", order.Word);
            context.WriteTensor<float>(prefix + "log10_prob", order.Prob);
            context.WriteTensor<float>(prefix + "log10_backoff", order.Backoff);
        }
    }

    /// <summary>Rebuilds the transformer from model.zip, validating every array before use.</summary>
    public static NGramLanguageModelTransformer Load(ModelLoadContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var s = context.ReadSettings<Settings>();
        if (s.Columns is null) throw context.Error("settings lack the column names");
        if (s.Order < 1 || s.Order > NGramOptions.MaxOrder) throw context.Error($"order {s.Order} is outside 1..{NGramOptions.MaxOrder}");
        if (!Enum.IsDefined(s.Smoothing)) throw context.Error($"smoothing {s.Smoothing} is unknown");
        if (s.Columns.SuggestionCount < 1 || s.Columns.SuggestionCount > 10_000) throw context.Error($"suggestion count {s.Columns.SuggestionCount} is outside 1..10000");
        var generation = new NGramGenerationOptions
        {
            MaxTokens = s.GenerationMaxTokens,
            Temperature = s.GenerationTemperature,
            TopK = s.GenerationTopK,
            TopP = s.GenerationTopP,
            Seed = s.GenerationSeed,
        };
        try
        {
            generation.Validate();
        }
        catch (ArgumentException e)
        {
            throw context.Error("generation settings: " + e.Message, e);
        }
        string[] words = context.ReadStrings("vocabulary");
        var unigramProb = context.ReadTensor<float>("unigram.log10_prob", [words.Length]);
        var unigramBackoff = context.ReadTensor<float>("unigram.log10_backoff", [words.Length]);
        var higher = new NGramOrderData[s.Order - 1];
        for (int k = 2; k <= s.Order; k++)
        {
            string prefix = $"order{k}.";
            var contextIds = context.ReadTensor<int>(prefix + "context", out long[] shape);
            if (shape.Length != 1) throw context.Error($"tensor '{prefix}context' must be one-dimensional");
            long[] expected = [contextIds.Length];
            higher[k - 2] = new NGramOrderData(k, contextIds,
                context.ReadTensor<int>(prefix + "word", expected),
                context.ReadTensor<float>(prefix + "log10_prob", expected),
                context.ReadTensor<float>(prefix + "log10_backoff", expected));
        }
        var data = new NGramModelData(s.Order, words, unigramProb, unigramBackoff, higher);
        if (data.FindProblem(out string field) is { } problem) throw context.Error($"{field}: {problem}");
        NGramLanguageModel model;
        try
        {
            model = new NGramLanguageModel(data, s.Smoothing, null);
        }
        catch (InvalidDataException e)
        {
            throw context.Error(e.Message, e);
        }
        return new NGramLanguageModelTransformer(model, s.Columns, generation);
    }

    /// <summary>Column names and suggestion count, persisted in the settings.</summary>
    internal sealed class ColumnSettings
    {
        public required string Input { get; init; }
        public required string Log10Probability { get; init; }
        public required string LogProbability { get; init; }
        public required string Perplexity { get; init; }
        public required string TokenCount { get; init; }
        public required string NextWords { get; init; }
        public required string NextWordProbabilities { get; init; }
        public required string CompletedWord { get; init; }
        public required string Generated { get; init; }
        public required int SuggestionCount { get; init; }

        public static ColumnSettings From(NGramLanguageModelEstimator.Options o) => new()
        {
            Input = o.InputColumnName,
            Log10Probability = o.Log10ProbabilityColumnName,
            LogProbability = o.LogProbabilityColumnName,
            Perplexity = o.PerplexityColumnName,
            TokenCount = o.TokenCountColumnName,
            NextWords = o.NextWordsColumnName,
            NextWordProbabilities = o.NextWordProbabilitiesColumnName,
            CompletedWord = o.CompletedWordColumnName,
            Generated = o.GeneratedColumnName,
            SuggestionCount = o.SuggestionCount,
        };
    }

    private sealed class Settings
    {
        public required ColumnSettings Columns { get; init; }
        public required int Order { get; init; }
        public required NGramSmoothing Smoothing { get; init; }
        public required int GenerationMaxTokens { get; init; }
        public required float GenerationTemperature { get; init; }
        public required int GenerationTopK { get; init; }
        public required float GenerationTopP { get; init; }
        public required int GenerationSeed { get; init; }
    }
}
