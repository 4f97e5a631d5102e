using Microsoft.ML.Recurrent.Text;
using Microsoft.ML.Transforms.Text;

namespace Microsoft.ML;

/// <summary>
/// Text featurizers on <c>mlContext.Transforms.Text</c>, with ML.NET's names, signatures and defaults where ML.NET has
/// the transform (<c>NormalizeText</c>, <c>TokenizeIntoWords</c>, <c>TokenizeIntoCharactersAsKeys</c>,
/// <c>RemoveDefaultStopWords</c>, <c>RemoveStopWords</c>), plus this project's <c>TokenizeIntoUnicodeWords</c>,
/// <c>TokenizeIntoBytePairs</c> and the vocabulary step <c>MapTokensToKeys</c>. Partial: other text components add
/// their methods in their own files.
/// </summary>
public static partial class TextCatalog
{
    /// <summary>Normalizes text: case (invariant culture), diacritics, punctuation, digits. Input and output: text or vector of text.</summary>
    /// <param name="catalog">The text transforms catalog.</param>
    /// <param name="outputColumnName">Name of the output column.</param>
    /// <param name="inputColumnName">Name of the input column; null means <paramref name="outputColumnName"/>.</param>
    /// <param name="caseMode">Case change; default <see cref="TextNormalizingEstimator.CaseMode.Lower"/>.</param>
    /// <param name="keepDiacritics">Keep diacritical marks; default false.</param>
    /// <param name="keepPunctuations">Keep punctuation; default true.</param>
    /// <param name="keepNumbers">Keep decimal digits; default true.</param>
    public static TextNormalizingEstimator NormalizeText(this TransformsCatalog.TextTransforms catalog,
        string outputColumnName, string? inputColumnName = null,
        TextNormalizingEstimator.CaseMode caseMode = TextNormalizingEstimator.DefaultCaseMode,
        bool keepDiacritics = TextNormalizingEstimator.DefaultKeepDiacritics,
        bool keepPunctuations = TextNormalizingEstimator.DefaultKeepPunctuations,
        bool keepNumbers = TextNormalizingEstimator.DefaultKeepNumbers)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new(outputColumnName, inputColumnName, caseMode, keepDiacritics, keepPunctuations, keepNumbers);
    }

    /// <summary>Splits text (or each item of a vector of text) at separators into a variable-size vector of text.</summary>
    /// <param name="catalog">The text transforms catalog.</param>
    /// <param name="outputColumnName">Name of the output column.</param>
    /// <param name="inputColumnName">Name of the input column; null means <paramref name="outputColumnName"/>.</param>
    /// <param name="separators">Separator characters; null means space only (ML.NET's default).</param>
    public static WordTokenizingEstimator TokenizeIntoWords(this TransformsCatalog.TextTransforms catalog,
        string outputColumnName, string? inputColumnName = null, char[]? separators = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new(separators, new InputOutputColumnPair(outputColumnName, inputColumnName ?? outputColumnName));
    }

    /// <summary>Splits several columns at separators (see the single-column overload).</summary>
    /// <param name="catalog">The text transforms catalog.</param>
    /// <param name="columns">The (output, input) column pairs.</param>
    /// <param name="separators">Separator characters; null means space only.</param>
    public static WordTokenizingEstimator TokenizeIntoWords(this TransformsCatalog.TextTransforms catalog,
        InputOutputColumnPair[] columns, char[]? separators = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new(separators, columns);
    }

    /// <summary>
    /// Splits text into a variable-size vector of keys, one per UTF-16 code unit (<c>Key&lt;UInt16, 65535&gt;</c>, key =
    /// code unit + 1), between U+0002 and U+0003 markers by default.
    /// </summary>
    /// <param name="catalog">The text transforms catalog.</param>
    /// <param name="outputColumnName">Name of the output column.</param>
    /// <param name="inputColumnName">Name of the input column; null means <paramref name="outputColumnName"/>.</param>
    /// <param name="useMarkerCharacters">Surround each text with U+0002 and U+0003; default true.</param>
    public static TokenizingByCharactersEstimator TokenizeIntoCharactersAsKeys(this TransformsCatalog.TextTransforms catalog,
        string outputColumnName, string? inputColumnName = null,
        bool useMarkerCharacters = TokenizingByCharactersEstimator.DefaultUseMarkerCharacters)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new(useMarkerCharacters, new InputOutputColumnPair(outputColumnName, inputColumnName ?? outputColumnName));
    }

    /// <summary>Character keys for several columns (see the single-column overload).</summary>
    /// <param name="catalog">The text transforms catalog.</param>
    /// <param name="useMarkerCharacters">Surround each text with U+0002 and U+0003; default true.</param>
    /// <param name="columns">The (output, input) column pairs.</param>
    public static TokenizingByCharactersEstimator TokenizeIntoCharactersAsKeys(this TransformsCatalog.TextTransforms catalog,
        bool useMarkerCharacters = TokenizingByCharactersEstimator.DefaultUseMarkerCharacters, params InputOutputColumnPair[] columns)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new(useMarkerCharacters, columns);
    }

    /// <summary>Removes a language's built-in stop words from a vector of text (ignoring case and diacritics).</summary>
    /// <param name="catalog">The text transforms catalog.</param>
    /// <param name="outputColumnName">Name of the output column.</param>
    /// <param name="inputColumnName">Name of the input column; null means <paramref name="outputColumnName"/>.</param>
    /// <param name="language">The list's language; default <see cref="StopWordsRemovingEstimator.Language.English"/>.</param>
    public static StopWordsRemovingEstimator RemoveDefaultStopWords(this TransformsCatalog.TextTransforms catalog,
        string outputColumnName, string? inputColumnName = null,
        StopWordsRemovingEstimator.Language language = StopWordsRemovingEstimator.DefaultLanguage)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new(language, new InputOutputColumnPair(outputColumnName, inputColumnName ?? outputColumnName));
    }

    /// <summary>Removes the words of a custom list from a vector of text (ignoring case and diacritics).</summary>
    /// <param name="catalog">The text transforms catalog.</param>
    /// <param name="outputColumnName">Name of the output column.</param>
    /// <param name="inputColumnName">Name of the input column; null means <paramref name="outputColumnName"/>.</param>
    /// <param name="stopwords">The stop words; null or none means nothing is removed.</param>
    public static CustomStopWordsRemovingEstimator RemoveStopWords(this TransformsCatalog.TextTransforms catalog,
        string outputColumnName, string? inputColumnName = null, params string[]? stopwords)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new(stopwords ?? [], new InputOutputColumnPair(outputColumnName, inputColumnName ?? outputColumnName));
    }

    /// <summary>
    /// Unicode-aware word tokenization into a variable-size vector of text: punctuation split from words; numbers,
    /// contractions, URLs, e-mail addresses and emoji kept whole (rules in docs/text.md).
    /// </summary>
    /// <param name="catalog">The text transforms catalog.</param>
    /// <param name="outputColumnName">Name of the output column.</param>
    /// <param name="inputColumnName">Name of the input column; null means <paramref name="outputColumnName"/>.</param>
    public static UnicodeWordTokenizingEstimator TokenizeIntoUnicodeWords(this TransformsCatalog.TextTransforms catalog,
        string outputColumnName, string? inputColumnName = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new(new InputOutputColumnPair(outputColumnName, inputColumnName ?? outputColumnName));
    }

    /// <summary>
    /// Learns a byte-level byte-pair encoding from a text column and encodes text to a variable-size vector of keys
    /// (key = token id + 1); decoding is lossless for any text (<see cref="BytePairEncodingTransformer.Decode"/>).
    /// </summary>
    /// <param name="catalog">The text transforms catalog.</param>
    /// <param name="outputColumnName">Name of the output column.</param>
    /// <param name="inputColumnName">Name of the input column; null means <paramref name="outputColumnName"/>.</param>
    /// <param name="vocabularySize">Requested number of tokens including the 256 byte tokens; default 8,192.</param>
    /// <param name="minimumPairCount">A pair is merged only if it occurs at least this often; default 2.</param>
    public static BytePairEncodingEstimator TokenizeIntoBytePairs(this TransformsCatalog.TextTransforms catalog,
        string outputColumnName, string? inputColumnName = null,
        int vocabularySize = BytePairEncodingTrainerOptions.DefaultVocabularySize,
        int minimumPairCount = BytePairEncodingTrainerOptions.DefaultMinimumPairCount)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new(catalog.Context, new BytePairEncodingTrainerOptions { VocabularySize = vocabularySize, MinimumPairCount = minimumPairCount },
            outputColumnName, inputColumnName);
    }

    /// <summary>
    /// The vocabulary step shared by all models: learns a token dictionary (special tokens <c>&lt;pad&gt;</c>, <c>&lt;unk&gt;</c>,
    /// <c>&lt;s&gt;</c>, <c>&lt;/s&gt;</c> first, then by decreasing count) and maps tokens to 1-based keys with a
    /// <c>KeyValues</c> annotation; unknown tokens map to <c>&lt;unk&gt;</c>.
    /// </summary>
    /// <param name="catalog">The text transforms catalog.</param>
    /// <param name="outputColumnName">Name of the output column.</param>
    /// <param name="inputColumnName">Name of the input column (text or vector of text); null means <paramref name="outputColumnName"/>.</param>
    /// <param name="minimumCount">Minimum occurrences for a token to get its own key; default 1.</param>
    /// <param name="maximumNumberOfKeys">Largest vocabulary, special tokens included; default 1,000,000 (ML.NET's MapValueToKey default).</param>
    /// <param name="addBeginAndEndTokens">Wrap each vector in <c>&lt;s&gt;</c> … <c>&lt;/s&gt;</c>; default false.</param>
    public static VocabularyEstimator MapTokensToKeys(this TransformsCatalog.TextTransforms catalog,
        string outputColumnName, string? inputColumnName = null,
        int minimumCount = VocabularyOptions.DefaultMinimumCount,
        int maximumNumberOfKeys = VocabularyOptions.DefaultMaximumSize,
        bool addBeginAndEndTokens = false)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new(catalog.Context, new VocabularyOptions { MinimumCount = minimumCount, MaximumSize = maximumNumberOfKeys },
            addBeginAndEndTokens, outputColumnName, inputColumnName);
    }

    /// <summary>The vocabulary step with full options (custom special tokens, unknown token).</summary>
    /// <param name="catalog">The text transforms catalog.</param>
    /// <param name="options">Vocabulary settings.</param>
    /// <param name="outputColumnName">Name of the output column.</param>
    /// <param name="inputColumnName">Name of the input column; null means <paramref name="outputColumnName"/>.</param>
    /// <param name="addBeginAndEndTokens">Wrap each vector in <c>&lt;s&gt;</c> … <c>&lt;/s&gt;</c>; default false.</param>
    public static VocabularyEstimator MapTokensToKeys(this TransformsCatalog.TextTransforms catalog,
        VocabularyOptions options, string outputColumnName, string? inputColumnName = null, bool addBeginAndEndTokens = false)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new(catalog.Context, options, addBeginAndEndTokens, outputColumnName, inputColumnName);
    }
}
