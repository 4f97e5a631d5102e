using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Recurrent.LanguageModels;

[assembly: ModelComponent(LstmLanguageModelTransformer.ComponentName, 1, typeof(LstmLanguageModelTransformer))]

namespace Microsoft.ML.Recurrent.LanguageModels;

/// <summary>
/// A trained recurrent language model in a pipeline. For each row of the input column (text, tokenized at the
/// model's level, a vector of tokens, or a vector of keys read through their key values) it adds: <c>Score</c> (log-probability of the row as a sentence, nats),
/// <c>Perplexity</c>, <c>NextTokens</c> and <c>NextTokenProbabilities</c> (the k most likely tokens after the row
/// read as a prompt), <c>Completion</c> (the completion of the partial last word, or the most likely next word),
/// and, when asked for, <c>Generated</c> (a continuation). Only the requested columns are computed.
/// </summary>
public sealed class LstmLanguageModelTransformer : RowToRowTransformerBase, ILoadableTransformer<LstmLanguageModelTransformer>
{
    /// <summary>The stable name of this component in model files.</summary>
    public const string ComponentName = "Recurrent.LanguageModel";

    private const string ExpectedInput = "String, vector of String or vector of Key<UInt32>";
    private readonly LstmLanguageModelColumns _columns;

    /// <summary>Wraps a trained model.</summary>
    /// <param name="model">The model.</param>
    /// <param name="columns">Column names and prediction settings; null for the defaults.</param>
    public LstmLanguageModelTransformer(RecurrentLanguageModel model, LstmLanguageModelColumns? columns = null)
        : base("LstmLanguageModel")
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        _columns = columns ?? new LstmLanguageModelColumns();
        _columns.Validate();
    }

    /// <summary>The model (usable on its own: generation, scoring, completion).</summary>
    public RecurrentLanguageModel Model { get; }

    /// <summary>Column names and prediction settings.</summary>
    public LstmLanguageModelColumns Columns => _columns;

    /// <summary>The output schema rule, shared with the estimator's shape propagation.</summary>
    protected override DataViewSchema.DetachedColumn[] GetOutputColumns(DataViewSchema inputSchema)
    {
        CheckInput(inputSchema, _columns.InputColumnName, StepName);
        var text = TextDataViewType.Instance;
        var list = new List<DataViewSchema.DetachedColumn>
        {
            new(_columns.ScoreColumnName, NumberDataViewType.Single),
            new(_columns.PerplexityColumnName, NumberDataViewType.Single),
            new(_columns.NextTokensColumnName, new VectorDataViewType(text, _columns.NextTokenCount)),
            new(_columns.NextTokenProbabilitiesColumnName, new VectorDataViewType(NumberDataViewType.Single, _columns.NextTokenCount)),
            new(_columns.CompletionColumnName, text),
        };
        if (_columns.GeneratedTokens > 0)
        {
            list.Add(new(_columns.GeneratedColumnName, text));
        }
        return list.ToArray();
    }

    /// <summary>Checks that the input column is text, a vector of text or a vector of UInt32 keys (same message in
    /// estimator and transformer).</summary>
    internal static void CheckInput(DataViewSchema schema, string name, string step)
    {
        var column = schema.GetColumnOrNull(name)
            ?? throw SchemaMismatchException.Missing(step, name, ExpectedInput, schema);
        bool ok = column.Type is TextDataViewType || column.Type is VectorDataViewType { ItemType: TextDataViewType }
            || KeyTokens.IsKeyVector(column.Type);
        if (!ok)
        {
            throw new SchemaMismatchException(step, name, ExpectedInput, column.Type.ToString()!);
        }
    }

    /// <inheritdoc/>
    protected override IEnumerable<string> GetInputColumnNames(int outputColumnIndex) => [_columns.InputColumnName];

    /// <inheritdoc/>
    protected override Delegate MakeGetter(DataViewRow input, int outputColumnIndex)
    {
        var active = new bool[_columns.GeneratedTokens > 0 ? 6 : 5];
        active[outputColumnIndex] = true;
        return MakeGetters(input, active)[outputColumnIndex]!;
    }

    /// <inheritdoc/>
    protected override Delegate?[] MakeGetters(DataViewRow input, bool[] activeOutputColumns)
    {
        var row = new LstmLanguageModelRowScorer(Model, _columns, input);
        var getters = new Delegate?[activeOutputColumns.Length];
        for (int j = 0; j < getters.Length; j++)
        {
            if (activeOutputColumns[j])
            {
                getters[j] = row.MakeGetter(j);
            }
        }
        return getters;
    }

    /// <inheritdoc/>
    protected override void SaveModel(ModelSaveContext context)
    {
        context.WriteSettings(new Settings
        {
            Level = Model.Vocabulary.Level,
            Model = Model.Options,
            Columns = _columns,
            SubwordMerges = RecurrentLanguageModelPersistence.MergeCount(Model),
        });
        RecurrentLanguageModelPersistence.Save(context, Model);
    }

    /// <summary>Reads the transformer from a model file (validating every value).</summary>
    public static LstmLanguageModelTransformer Load(ModelLoadContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.ReadSettings<Settings>();
        try
        {
            settings.Columns.Validate();
        }
        catch (ArgumentException e)
        {
            throw context.Error($"column settings are invalid: {e.Message}", e);
        }
        if (!Enum.IsDefined(settings.Level))
        {
            throw context.Error($"level {settings.Level} is not Word, Character or Subword");
        }
        var model = RecurrentLanguageModelPersistence.Load(context, settings.Level, settings.Model, settings.SubwordMerges);
        return new LstmLanguageModelTransformer(model, settings.Columns);
    }

    private sealed class Settings
    {
        public required TokenLevel Level { get; init; }

        public required RecurrentLanguageModelOptions Model { get; init; }

        public required LstmLanguageModelColumns Columns { get; init; }

        /// <summary>Merge rules in the "bpe.merges" tensor (Subword level; 0 otherwise and in older files).</summary>
        public int SubwordMerges { get; init; }
    }
}
