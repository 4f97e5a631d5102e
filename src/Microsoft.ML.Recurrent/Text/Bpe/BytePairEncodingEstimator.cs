using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Recurrent.Text;
using Microsoft.ML.Runtime;

namespace Microsoft.ML.Transforms.Text;

/// <summary>
/// <c>mlContext.Transforms.Text.TokenizeIntoBytePairs</c>: learns a byte-level BPE from a text (or vector of text)
/// column on <see cref="Fit"/> and returns a <see cref="BytePairEncodingTransformer"/> that encodes text to keys.
/// </summary>
public sealed class BytePairEncodingEstimator : IEstimator<BytePairEncodingTransformer>
{
    private readonly MLContext _context;
    private readonly BytePairEncodingTrainerOptions _options;
    private readonly InputOutputColumnPair _column;

    /// <summary>Creates the estimator.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public BytePairEncodingEstimator(MLContext context, BytePairEncodingTrainerOptions options, string outputColumnName, string? inputColumnName = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _context = context;
        _options = options;
        _column = new InputOutputColumnPair(outputColumnName, inputColumnName ?? outputColumnName);
    }

    /// <summary>Reads every row of the input column, trains the encoding and returns the transformer.</summary>
    public BytePairEncodingTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        // Validate with the transformer's own message before reading any data.
        var standIn = new BytePairEncodingTransformer(new BytePairEncoding([]), _column);
        standIn.GetOutputSchema(input.Schema);
        DataViewSchema.Column column = input.Schema[_column.InputColumnName];
        var trainer = new BytePairEncodingTrainer(_options);
        var texts = new List<ReadOnlyMemory<char>>();
        using (DataViewRowCursor cursor = input.GetRowCursor([column]))
        {
            var reader = new TextCellReader(cursor, column);
            while (cursor.MoveNext())
            {
                reader.Read(texts);
                foreach (ReadOnlyMemory<char> text in texts)
                    trainer.AddText(text.Span);
            }
        }
        BytePairEncoding encoding = trainer.Train();
        _context.WriteLog(ChannelMessageKind.Info, "TokenizeIntoBytePairs",
            $"learned {encoding.Merges.Count} merges, vocabulary {encoding.VocabularySize} of {_options.VocabularySize} requested"
            + (trainer.StoppedEarly ? $" (stopped early: no pair occurs {_options.MinimumPairCount} times)" : ""));
        if (trainer.StoppedEarly)
        {
            _context.WriteLog(ChannelMessageKind.Warning, "TokenizeIntoBytePairs",
                $"vocabulary size {encoding.VocabularySize} is below the requested {_options.VocabularySize}: the data has too few repeated pairs");
        }
        return new BytePairEncodingTransformer(encoding, _column);
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) =>
        SchemaShape.Propagate(inputSchema, new BytePairEncodingTransformer(new BytePairEncoding([]), _column).GetOutputSchema);
}
