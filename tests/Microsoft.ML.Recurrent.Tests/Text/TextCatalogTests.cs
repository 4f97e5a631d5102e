using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Recurrent.Testing;
using Microsoft.ML.Recurrent.Text;
using Microsoft.ML.Transforms.Text;

namespace Microsoft.ML.Recurrent.Tests.Text;

/// <summary>Each text estimator through mlContext.Transforms.Text: values, schema errors, model.zip round trip.</summary>
public sealed class TextCatalogTests
{
    private sealed class Row
    {
        public string Text { get; set; } = "";

        public string[] Words { get; set; } = [];

        public float Number { get; set; }
    }

    private static readonly Row[] Rows =
    [
        new() { Text = "The Café, déjà-vu! 3.14", Words = ["The", "quick", "fox", "is", "not", "Über"], Number = 1 },
        new() { Text = "", Words = [], Number = 2 },
        new() { Text = "  emoji 👍🏽 and \uD800 lone", Words = ["a", "b"], Number = 3 },
        new() { Text = "the cat sat on the mat the end", Words = ["the", "cat", "the"], Number = 4 },
    ];

    private static (MLContext Ml, IDataView Data) Setup()
    {
        var ml = new MLContext(seed: 1);
        return (ml, ml.Data.LoadFromEnumerable(Rows));
    }

    [Fact]
    public void NormalizeText_NormalizesScalarAndVector_AndRoundTrips()
    {
        var (ml, data) = Setup();
        var estimator = ml.Transforms.Text.NormalizeText("Norm", "Text")
            .Append(ml.Transforms.Text.NormalizeText("NormWords", "Words", TextNormalizingEstimator.CaseMode.Upper, keepDiacritics: true));
        var (fitted, _) = ModelRoundTrip.FitSaveLoadCompare(ml, estimator, data);
        IDataView output = fitted.Transform(data);
        Assert.Equal("the cafe, deja-vu! 3.14", TextColumns.Texts(output, "Norm")[0]);
        Assert.Equal(["THE", "QUICK", "FOX", "IS", "NOT", "ÜBER"], TextColumns.TextVectors(output, "NormWords")[0]);
    }

    [Fact]
    public void TokenizeIntoWords_SplitsOnSpaceByDefault_AndRoundTrips()
    {
        var (ml, data) = Setup();
        var (fitted, _) = ModelRoundTrip.FitSaveLoadCompare(ml, ml.Transforms.Text.TokenizeIntoWords("Tokens", "Text"), data);
        var tokens = TextColumns.TextVectors(fitted.Transform(data), "Tokens");
        Assert.Equal(["The", "Café,", "déjà-vu!", "3.14"], tokens[0]);
        Assert.Empty(tokens[1]);
    }

    [Fact]
    public void TokenizeIntoWords_CustomSeparators_AndVectorInput()
    {
        var (ml, data) = Setup();
        var (fitted, _) = ModelRoundTrip.FitSaveLoadCompare(ml, ml.Transforms.Text.TokenizeIntoWords("Tokens", "Words", separators: ['u']), data);
        Assert.Equal(["The", "q", "ick", "fox", "is", "not", "Über"], TextColumns.TextVectors(fitted.Transform(data), "Tokens")[0]);
    }

    [Fact]
    public void TokenizeIntoUnicodeWords_SplitsPunctuation_AndRoundTrips()
    {
        var (ml, data) = Setup();
        var (fitted, _) = ModelRoundTrip.FitSaveLoadCompare(ml, ml.Transforms.Text.TokenizeIntoUnicodeWords("Tokens", "Text"), data);
        var tokens = TextColumns.TextVectors(fitted.Transform(data), "Tokens");
        Assert.Equal(["The", "Café", ",", "déjà", "-", "vu", "!", "3.14"], tokens[0]);
        Assert.Equal(["emoji", "👍🏽", "and", "\uD800", "lone"], tokens[2]);
    }

    [Fact]
    public void TokenizeIntoCharactersAsKeys_GivesMarkedKeys_WithKeyValues_AndRoundTrips()
    {
        var (ml, data) = Setup();
        var (fitted, _) = ModelRoundTrip.FitSaveLoadCompare(ml, ml.Transforms.Text.TokenizeIntoCharactersAsKeys("Chars", "Text"), data);
        IDataView output = fitted.Transform(data);
        DataViewSchema.Column column = output.Schema["Chars"];
        Assert.Equal(new VectorDataViewType(new KeyDataViewType(typeof(ushort), 65535)), column.Type);
        ushort[] keys = TextColumns.Vectors<ushort>(output, "Chars")[0];
        Assert.Equal(2 + Rows[0].Text.Length, keys.Length);
        Assert.Equal(new ushort[] { 3, 'T' + 1 }, keys[..2]);
        Assert.Equal(4, keys[^1]);
        VBuffer<ReadOnlyMemory<char>> keyValues = default;
        column.GetKeyValues(ref keyValues);
        Assert.Equal(Rows[0].Text, string.Concat(keys[1..^1].Select(k => keyValues.GetItemOrDefault(k - 1).ToString())));
        Assert.Empty(TextColumns.Vectors<ushort>(output, "Chars")[1]);
    }

    [Fact]
    public void RemoveDefaultStopWords_RemovesEnglishByDefault_AndRoundTrips()
    {
        var (ml, data) = Setup();
        var (fitted, _) = ModelRoundTrip.FitSaveLoadCompare(ml, ml.Transforms.Text.RemoveDefaultStopWords("Kept", "Words"), data);
        Assert.Equal(["quick", "fox", "Über"], TextColumns.TextVectors(fitted.Transform(data), "Kept")[0]);
    }

    [Fact]
    public void RemoveDefaultStopWords_UsesGivenLanguage()
    {
        var (ml, data) = Setup();
        var fitted = ml.Transforms.Text.RemoveDefaultStopWords("Kept", "Words", StopWordsRemovingEstimator.Language.German).Fit(data);
        Assert.Equal(["The", "quick", "fox", "is", "not"], TextColumns.TextVectors(fitted.Transform(data), "Kept")[0]);
    }

    [Fact]
    public void RemoveStopWords_RemovesCustomList_AndRoundTrips()
    {
        var (ml, data) = Setup();
        var (fitted, _) = ModelRoundTrip.FitSaveLoadCompare(ml, ml.Transforms.Text.RemoveStopWords("Kept", "Words", "QUICK", "fox"), data);
        Assert.Equal(["The", "is", "not", "Über"], TextColumns.TextVectors(fitted.Transform(data), "Kept")[0]);
    }

    [Fact]
    public void RemoveStopWords_RejectsScalarText_InEstimatorAndTransformer()
    {
        var (ml, data) = Setup();
        var estimator = ml.Transforms.Text.RemoveDefaultStopWords("Kept", "Text");
        var fitError = Assert.Throws<SchemaMismatchException>(() => estimator.Fit(data));
        Assert.Equal("Vector<String>", fitError.Expected);
        var other = ml.Transforms.Text.RemoveDefaultStopWords("Kept", "Words").Fit(data);
        IDataView scalarOnly = ml.Data.LoadFromEnumerable(new[] { new { Words = "x" } }.Select(r => new Row { Text = r.Words }));
        Assert.Throws<SchemaMismatchException>(() => other.Transform(ml.Transforms.Text.NormalizeText("Words", "Text").Fit(scalarOnly).Transform(scalarOnly)));
    }

    [Theory]
    [InlineData("NormalizeText")]
    [InlineData("TokenizeIntoWords")]
    [InlineData("TokenizeIntoUnicodeWords")]
    [InlineData("TokenizeIntoCharactersAsKeys")]
    [InlineData("TokenizeIntoBytePairs")]
    [InlineData("MapTokensToKeys")]
    public void Estimators_RejectNumericInput_NamingStepAndColumn(string step)
    {
        var (ml, data) = Setup();
        var t = ml.Transforms.Text;
        IEstimator<ITransformer> estimator = step switch
        {
            "NormalizeText" => t.NormalizeText("Out", "Number"),
            "TokenizeIntoWords" => t.TokenizeIntoWords("Out", "Number"),
            "TokenizeIntoUnicodeWords" => t.TokenizeIntoUnicodeWords("Out", "Number"),
            "TokenizeIntoCharactersAsKeys" => t.TokenizeIntoCharactersAsKeys("Out", "Number"),
            "TokenizeIntoBytePairs" => t.TokenizeIntoBytePairs("Out", "Number"),
            _ => t.MapTokensToKeys("Out", "Number"),
        };
        var e = Assert.Throws<SchemaMismatchException>(() => estimator.Fit(data));
        Assert.Contains(step, e.Message);
        Assert.Equal("Number", e.ColumnName);
        Assert.Throws<SchemaMismatchException>(() => estimator.GetOutputSchema(SchemaShape.Create(data.Schema)));
    }

    [Fact]
    public void TokenizeIntoBytePairs_EncodesLosslessly_AndRoundTrips()
    {
        var (ml, data) = Setup();
        var (fitted, loaded) = ModelRoundTrip.FitSaveLoadCompare(ml, ml.Transforms.Text.TokenizeIntoBytePairs("Ids", "Text", vocabularySize: 300), data);
        var transformer = (BytePairEncodingTransformer)loaded;
        var keys = TextColumns.Vectors<uint>(loaded.Transform(data), "Ids");
        for (int i = 0; i < Rows.Length; i++)
            Assert.Equal(Rows[i].Text, transformer.Decode(keys[i]));
        Assert.True(transformer.Encoding.VocabularySize > 256);
        Assert.Equal(((BytePairEncodingTransformer)fitted).Encoding.Merges, transformer.Encoding.Merges);
    }

    [Fact]
    public void MapTokensToKeys_BuildsOrderedVocabulary_WithKeyValues_AndRoundTrips()
    {
        var (ml, data) = Setup();
        var (fitted, _) = ModelRoundTrip.FitSaveLoadCompare(ml, ml.Transforms.Text.MapTokensToKeys("Keys", "Words"), data);
        var vocabulary = ((VocabularyTransformer)fitted).Vocabulary;
        // Specials, then "the" (count 2), then count-1 tokens in ordinal order ("The" < "a" < ... < "Über").
        Assert.Equal(["<pad>", "<unk>", "<s>", "</s>", "the", "The", "a", "b", "cat", "fox", "is", "not", "quick", "Über"], vocabulary.Tokens);
        IDataView output = fitted.Transform(data);
        Assert.Equal(new uint[] { 6, 13, 10, 11, 12, 14 }, TextColumns.Vectors<uint>(output, "Keys")[0]);
        VBuffer<ReadOnlyMemory<char>> keyValues = default;
        output.Schema["Keys"].GetKeyValues(ref keyValues);
        Assert.Equal("quick", keyValues.GetItemOrDefault(13 - 1).ToString());
    }

    [Fact]
    public void MapTokensToKeys_MapsUnknownToUnk_AndAddsBeginEnd()
    {
        var (ml, data) = Setup();
        var fitted = ml.Transforms.Text.MapTokensToKeys("Keys", "Words", minimumCount: 2, addBeginAndEndTokens: true).Fit(data);
        Assert.Equal(new uint[] { 3, 5, 2, 5, 4 }, TextColumns.Vectors<uint>(fitted.Transform(data), "Keys")[3]);   // <s> the <unk>(cat) the </s>
        Assert.Equal(new uint[] { 3, 4 }, TextColumns.Vectors<uint>(fitted.Transform(data), "Keys")[1]);
    }

    [Fact]
    public void Pipeline_HandlesNullEmptyWhitespaceAndTenMegabyteRows()
    {
        var ml = new MLContext(seed: 1);
        string big = string.Concat(Enumerable.Repeat("Lorem Ipsum dolor, sit amet. ", 350_000));   // ~10 MB
        Row[] rows = [new() { Text = null! }, new() { Text = "" }, new() { Text = " \t " }, new() { Text = big }, new() { Text = "a\uDC00b" }];
        IDataView data = ml.Data.LoadFromEnumerable(rows);
        var pipeline = ml.Transforms.Text.NormalizeText("Norm", "Text")
            .Append(ml.Transforms.Text.TokenizeIntoWords("Words", "Norm"))
            .Append(ml.Transforms.Text.TokenizeIntoUnicodeWords("Unicode", "Norm"))
            .Append(ml.Transforms.Text.RemoveDefaultStopWords("Kept", "Words"))
            .Append(ml.Transforms.Text.TokenizeIntoBytePairs("Ids", "Text", vocabularySize: 300));
        ITransformer model = pipeline.Fit(data);
        IDataView output = model.Transform(data);
        var words = TextColumns.TextVectors(output, "Words");
        Assert.Empty(words[0]);
        Assert.Empty(words[1]);
        Assert.Equal(["\t"], words[2]);   // a tab is not a separator in TokenizeIntoWords
        Assert.Equal(5 * 350_000, words[3].Length);
        Assert.Equal(["a\uDC00b"], words[4]);
        Assert.Empty(TextColumns.TextVectors(output, "Unicode")[2]);
        var ids = TextColumns.Vectors<uint>(output, "Ids");
        var bpe = (BytePairEncodingTransformer)((TransformerChain<BytePairEncodingTransformer>)model).LastTransformer;
        Assert.Equal("", bpe.Decode(ids[0]));
        Assert.Equal(big, bpe.Decode(ids[3]));
        Assert.Equal("a\uDC00b", bpe.Decode(ids[4]));
    }

    private sealed class BadRow
    {
        public float Text { get; set; }

        public float Words { get; set; }
    }

    [Theory]
    [InlineData("NormalizeText")]
    [InlineData("TokenizeIntoWords")]
    [InlineData("TokenizeIntoUnicodeWords")]
    [InlineData("TokenizeIntoCharactersAsKeys")]
    [InlineData("RemoveDefaultStopWords")]
    [InlineData("RemoveStopWords")]
    [InlineData("TokenizeIntoBytePairs")]
    [InlineData("MapTokensToKeys")]
    public void Estimator_PassesConformanceCheck(string step)
    {
        var (ml, data) = Setup();
        IDataView bad = ml.Data.LoadFromEnumerable(new[] { new BadRow { Text = 1, Words = 2 } });
        var t = ml.Transforms.Text;
        IEstimator<ITransformer> estimator = step switch
        {
            "NormalizeText" => t.NormalizeText("Out", "Text"),
            "TokenizeIntoWords" => t.TokenizeIntoWords("Out", "Text"),
            "TokenizeIntoUnicodeWords" => t.TokenizeIntoUnicodeWords("Out", "Text"),
            "TokenizeIntoCharactersAsKeys" => t.TokenizeIntoCharactersAsKeys("Out", "Text"),
            "RemoveDefaultStopWords" => t.RemoveDefaultStopWords("Out", "Words"),
            "RemoveStopWords" => t.RemoveStopWords("Out", "Words", "fox"),
            "TokenizeIntoBytePairs" => t.TokenizeIntoBytePairs("Out", "Text", vocabularySize: 280),
            _ => t.MapTokensToKeys("Out", "Words"),
        };
        EstimatorConformance.Check(ml, estimator, data, bad);
    }
}
