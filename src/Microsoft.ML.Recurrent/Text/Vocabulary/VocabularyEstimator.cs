using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Recurrent.Text;
using Microsoft.ML.Runtime;

namespace Microsoft.ML.Transforms.Text;

/// <summary>
/// The vocabulary step shared by all models (<c>mlContext.Transforms.Text.MapTokensToKeys</c>): counts the tokens of a
/// text or vector-of-text column on <see cref="Fit"/>, builds a <see cref="Vocabulary"/> (special tokens first, then by
/// decreasing count, ties in ordinal order) and returns a <see cref="VocabularyTransformer"/> mapping tokens to keys.
/// </summary>
public sealed class VocabularyEstimator : IEstimator<VocabularyTransformer>
{
    private readonly MLContext _context;
    private readonly VocabularyOptions _options;
    private readonly bool _addBeginAndEndTokens;
    private readonly InputOutputColumnPair _column;

    /// <summary>Creates the estimator.</summary>
    /// <exception cref="ArgumentException">An option is out of range, or begin/end tokens are requested but not among the special tokens.</exception>
    public VocabularyEstimator(MLContext context, VocabularyOptions options, bool addBeginAndEndTokens, string outputColumnName, string? inputColumnName = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _context = context;
        _options = options;
        _addBeginAndEndTokens = addBeginAndEndTokens;
        _column = new InputOutputColumnPair(outputColumnName, inputColumnName ?? outputColumnName);
        StandIn();   // fails now, not at Fit, when <s> or </s> is missing
    }

    /// <summary>Counts every token of the input column and returns the fitted transformer.</summary>
    public VocabularyTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        StandIn().GetOutputSchema(input.Schema);
        DataViewSchema.Column column = input.Schema[_column.InputColumnName];
        var builder = new VocabularyBuilder(_options);
        var tokens = new List<ReadOnlyMemory<char>>();
        using (DataViewRowCursor cursor = input.GetRowCursor([column]))
        {
            var reader = new TextCellReader(cursor, column);
            while (cursor.MoveNext())
            {
                reader.Read(tokens);
                foreach (ReadOnlyMemory<char> token in tokens)
                    builder.Add(token.Span);
            }
        }
        Vocabulary vocabulary = builder.Build();
        _context.WriteLog(ChannelMessageKind.Info, "MapTokensToKeys",
            $"{builder.DistinctTokens} distinct tokens, vocabulary of {vocabulary.Count} (minimum count {_options.MinimumCount}, maximum size {_options.MaximumSize})");
        return new VocabularyTransformer(vocabulary, _addBeginAndEndTokens, _column);
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => SchemaShape.Propagate(inputSchema, StandIn().GetOutputSchema);

    // A transformer over the special tokens alone: it has the fitted transformer's type rule and annotations' shapes.
    private VocabularyTransformer StandIn()
    {
        string[] tokens = _options.SpecialTokens.Count > 0 ? [.. _options.SpecialTokens] : ["<stand-in>"];
        return new VocabularyTransformer(new Vocabulary(tokens, _options.UnknownToken), _addBeginAndEndTokens, _column);
    }
}
