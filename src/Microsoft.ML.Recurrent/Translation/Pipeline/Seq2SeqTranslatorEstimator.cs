using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;

namespace Microsoft.ML.Recurrent.Translation.Pipeline;

/// <summary>
/// Trains a <see cref="Seq2SeqModel"/> on a source and a target text column and returns a
/// <see cref="Seq2SeqTranslatorTransformer"/>. Progress goes to <c>MLContext.Log</c> and to an optional
/// <see cref="IProgress{T}"/>.
/// </summary>
public sealed class Seq2SeqTranslatorEstimator : IEstimator<Seq2SeqTranslatorTransformer>
{
    private readonly MLContext _context;
    private readonly Seq2SeqTranslatorOptions _options;
    private readonly IProgress<Seq2SeqTrainingProgress>? _progress;

    internal Seq2SeqTranslatorEstimator(MLContext context, Seq2SeqTranslatorOptions options, IProgress<Seq2SeqTrainingProgress>? progress)
    {
        _context = context;
        _options = options;
        _progress = progress;
        options.Model.Validate();
        options.Trainer.Validate();
        options.Translation.Validate();
    }

    /// <summary>Trains on <paramref name="input"/> without a validation set (all epochs run).</summary>
    public Seq2SeqTranslatorTransformer Fit(IDataView input) => Fit(input, null);

    /// <summary>Trains on <paramref name="input"/>, stopping early on the loss of <paramref name="validation"/>.</summary>
    /// <exception cref="SchemaMismatchException">A column is missing or not text.</exception>
    /// <exception cref="ArgumentException">A row's source or target is missing (row named).</exception>
    public Seq2SeqTranslatorTransformer Fit(IDataView input, IDataView? validation)
    {
        ArgumentNullException.ThrowIfNull(input);
        var train = ReadPairs(input);
        var valid = validation is null ? null : ReadPairs(validation);
        var trainer = new Seq2SeqTrainer(_options.Trainer);
        var progress = new LoggingProgress(_context, _progress);
        _context.WriteLog(ChannelMessageKind.Info, "Seq2SeqTranslator", $"training on {train.Count} pairs" + (valid is null ? "" : $", validating on {valid.Count}"));
        var model = trainer.Fit(_options.Model, train, valid, progress);
        return new Seq2SeqTranslatorTransformer(model, ColumnsOf(_options), _options.Translation);
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var standIn = new Seq2SeqTranslatorTransformer(
            new Seq2SeqModel(new Seq2SeqModelOptions { EmbeddingSize = 1, HiddenSize = 1, Bidirectional = false, Attention = AttentionKind.None },
                new TokenVocabulary(TokenVocabulary.Build([]).Tokens), new TokenVocabulary(TokenVocabulary.Build([]).Tokens)),
            ColumnsOf(_options), _options.Translation);
        return SchemaShape.Propagate(inputSchema, standIn.GetOutputSchema);
    }

    internal static Seq2SeqTranslatorTransformer.Columns ColumnsOf(Seq2SeqTranslatorOptions o) =>
        new(o.SourceColumnName, o.TargetColumnName, o.OutputColumnName, o.ScoreColumnName, o.NBestColumnName, o.NBestScoresColumnName, o.AttentionColumnName);

    private List<SentencePair> ReadPairs(IDataView data)
    {
        var source = TextColumn(data.Schema, _options.SourceColumnName);
        var target = TextColumn(data.Schema, _options.TargetColumnName);
        var pairs = new List<SentencePair>();
        using var cursor = data.GetRowCursor([source, target]);
        var getSource = cursor.GetGetter<ReadOnlyMemory<char>>(source);
        var getTarget = cursor.GetGetter<ReadOnlyMemory<char>>(target);
        ReadOnlyMemory<char> s = default, t = default;
        while (cursor.MoveNext())
        {
            getSource(ref s);
            getTarget(ref t);
            pairs.Add(new SentencePair(s.ToString(), t.ToString()));
        }
        return pairs;
    }

    private static DataViewSchema.Column TextColumn(DataViewSchema schema, string name)
    {
        var column = schema.GetColumnOrNull(name)
            ?? throw SchemaMismatchException.Missing("Seq2SeqTranslator", name, "String", schema);
        if (column.Type is not TextDataViewType)
        {
            throw new SchemaMismatchException("Seq2SeqTranslator", name, "String", column.Type.ToString()!);
        }
        return column;
    }

    /// <summary>Forwards reports to the caller's progress and to MLContext.Log.</summary>
    private sealed class LoggingProgress(MLContext context, IProgress<Seq2SeqTrainingProgress>? inner) : IProgress<Seq2SeqTrainingProgress>
    {
        public void Report(Seq2SeqTrainingProgress value)
        {
            inner?.Report(value);
            if (context.IsLogging)
            {
                context.WriteLog(ChannelMessageKind.Info, "Seq2SeqTranslator", value.ToString());
            }
        }
    }
}
