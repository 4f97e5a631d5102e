using Microsoft.ML.Data;

namespace Microsoft.ML.Recurrent.LanguageModels;

/// <summary>
/// Trains a recurrent language model (LSTM, GRU or RNN cells) on a text, token or key column (keys are read as the
/// text of their <c>KeyValues</c>, key 0 as <c>&lt;unk&gt;</c>): every row is a line of the corpus, closed by the
/// end-of-line token; the vocabulary is every token of the training rows (in order of first
/// appearance) plus <c>&lt;unk&gt;</c>. Fit returns a <see cref="LstmLanguageModelTransformer"/>.
/// </summary>
public sealed class LstmLanguageModelEstimator : IEstimator<LstmLanguageModelTransformer>
{
    private const string StepName = "LstmLanguageModel";
    private readonly MLContext _context;
    private readonly LstmLanguageModelOptions _options;

    /// <summary>Creates the estimator (use <c>mlContext.Transforms.Text.LstmLanguageModel(...)</c>).</summary>
    /// <exception cref="ArgumentException">An option is out of range (named).</exception>
    public LstmLanguageModelEstimator(MLContext context, LstmLanguageModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        options.Model.Validate();
        options.Trainer.Validate();
        options.Columns.Validate();
        if (options.Level == TokenLevel.Subword)
        {
            throw new ArgumentException("Level Subword needs a trained BytePairEncoding, which the estimator does not learn: "
                + "feed the tokens or keys of a BytePairEncoding step with Level Word, or train with `recurrent lm train --level bpe`.",
                nameof(options));
        }
        _context = context;
        _options = options;
    }

    /// <summary>Reads the rows, builds the vocabulary, trains, and wraps the model.</summary>
    /// <exception cref="SchemaMismatchException">The input column is missing or not text, tokens or keys.</exception>
    /// <exception cref="ArgumentException">Too little text for one training window (sizes named).</exception>
    public LstmLanguageModelTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        string column = _options.Columns.InputColumnName;
        LstmLanguageModelTransformer.CheckInput(input.Schema, column, StepName);
        var trainingTokens = ReadTokens(input, column);
        var vocabulary = LanguageModelVocabulary.Build(trainingTokens, _options.Level);
        int[] training = TextTokens.ToIds(trainingTokens, vocabulary);
        int[] validation = [];
        if (_options.ValidationData is { } valid)
        {
            LstmLanguageModelTransformer.CheckInput(valid.Schema, column, StepName);
            validation = TextTokens.ToIds(ReadTokens(valid, column), vocabulary);
        }
        _context.WriteLog(Runtime.ChannelMessageKind.Info, StepName,
            $"{training.Length} training tokens, {validation.Length} validation tokens, vocabulary {vocabulary.Count}");
        var model = RecurrentLanguageModel.Create(vocabulary, _options.Model);
        new LanguageModelTrainer(_options.Trainer, _context)
            .Train(model, training, validation, _options.Progress, _options.Cancellation);
        return new LstmLanguageModelTransformer(model, _options.Columns);
    }

    /// <summary>The output shape, by the transformer's own schema rule.</summary>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var columns = _options.Columns;
        var level = _options.Level;
        return SchemaShape.Propagate(inputSchema, schema =>
        {
            var stand = new LstmLanguageModelTransformer(StandInModel(level), columns);
            return stand.GetOutputSchema(schema);
        });
    }

    private static RecurrentLanguageModel StandInModel(TokenLevel level) =>
        RecurrentLanguageModel.Create(new LanguageModelVocabulary([], level),
            new RecurrentLanguageModelOptions { Layers = 1, EmbeddingSize = 1, HiddenSize = 1 });

    private List<string> ReadTokens(IDataView data, string name)
    {
        var column = data.Schema[name];
        var tokens = new List<string>();
        string endOfLine = LanguageModelVocabulary.EndOfLine(_options.Level);
        using var cursor = data.GetRowCursor(column);
        if (column.Type is TextDataViewType)
        {
            var getter = cursor.GetGetter<ReadOnlyMemory<char>>(column);
            ReadOnlyMemory<char> value = default;
            while (cursor.MoveNext())
            {
                getter(ref value);
                tokens.AddRange(TextTokens.OfLine(value.ToString(), _options.Level));
                tokens.Add(endOfLine);
            }
        }
        else if (KeyTokens.IsKeyVector(column.Type))
        {
            var keys = new KeyTokens(column);
            var getter = cursor.GetGetter<VBuffer<uint>>(column);
            VBuffer<uint> value = default;
            while (cursor.MoveNext())
            {
                getter(ref value);
                keys.AddTokens(value, tokens, cursor.Position);
                tokens.Add(endOfLine);
            }
        }
        else
        {
            var getter = cursor.GetGetter<VBuffer<ReadOnlyMemory<char>>>(column);
            VBuffer<ReadOnlyMemory<char>> value = default;
            while (cursor.MoveNext())
            {
                getter(ref value);
                foreach (var token in value.GetValues())
                {
                    if (token.IsEmpty)
                    {
                        throw new ArgumentException($"Column '{name}', row {cursor.Position}: a token is empty.", nameof(data));
                    }
                    tokens.Add(token.ToString());
                }
                tokens.Add(endOfLine);
            }
        }
        return tokens;
    }
}
