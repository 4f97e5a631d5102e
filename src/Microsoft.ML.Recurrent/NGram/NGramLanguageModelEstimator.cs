using Microsoft.ML.Data;
using Microsoft.ML.Runtime;

namespace Microsoft.ML.Recurrent.NGram;

/// <summary>
/// Estimates an <see cref="NGramLanguageModel"/> from a token column (one sentence per row) and returns a
/// <see cref="NGramLanguageModelTransformer"/> that adds per-row scores (log10 and natural-log probability, perplexity,
/// token count) and queries (next words, completed word, generated text). Create it with
/// <c>mlContext.Transforms.Text.NGramLanguageModel(...)</c> (<see cref="NGramCatalog"/>).
/// </summary>
public sealed partial class NGramLanguageModelEstimator : IEstimator<NGramLanguageModelTransformer>
{
    private readonly MLContext _context;
    private readonly Options _options;

    internal NGramLanguageModelEstimator(MLContext context, Options options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _context = context;
        _options = options;
    }

    /// <summary>Reads every row's tokens and estimates the model (see <see cref="NGramLanguageModel.Train(IEnumerable{IReadOnlyList{string}}, NGramOptions?, IProgress{string}?, CancellationToken)"/>).</summary>
    /// <exception cref="SchemaMismatchException">The input column is missing or not text, text vector or key vector.</exception>
    public NGramLanguageModelTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var column = NGramTokenColumn.Find(input.Schema, _options.InputColumnName);
        _context.WriteLog(ChannelMessageKind.Info, "NGramLanguageModel", $"reading column '{column.Name}'");
        var sentences = new List<IReadOnlyList<string>>();
        using (var cursor = input.GetRowCursor([column]))
        {
            var reader = new NGramTokenColumn(cursor, column);
            while (cursor.MoveNext()) sentences.Add(reader.ReadWords(_options.Model.UnknownWord));
        }
        var log = _context.IsLogging ? new Progress(_context) : null;
        var model = NGramLanguageModel.Train(sentences, _options.Model, log);
        int seed = _options.Generation.Seed ?? _context.Seed ?? 0;
        var generation = new NGramGenerationOptions
        {
            MaxTokens = _options.Generation.MaxTokens,
            Temperature = _options.Generation.Temperature,
            TopK = _options.Generation.TopK,
            TopP = _options.Generation.TopP,
            Seed = seed,
            StopAtEndOfSentence = true,
        };
        return new NGramLanguageModelTransformer(model, NGramLanguageModelTransformer.ColumnSettings.From(_options), generation);
    }

    /// <summary>The input schema plus the added columns; fails like <see cref="Fit"/> on a bad input column.</summary>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var columns = NGramLanguageModelTransformer.ColumnSettings.From(_options);
        return SchemaShape.Propagate(inputSchema, schema => NGramLanguageModelTransformer.OutputSchemaFor(schema, columns));
    }

    private sealed class Progress(MLContext context) : IProgress<string>
    {
        public void Report(string value) => context.WriteLog(ChannelMessageKind.Info, "NGramLanguageModel", value);
    }
}
