using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Recurrent.Testing;
using Microsoft.ML.Recurrent.Text.Stemming;

namespace Microsoft.ML.Recurrent.Tests.Text.Stemming;

/// <summary>StemWords as a pipeline step: shapes, schema errors, model.zip round trip, prediction engine.</summary>
public sealed class StemmingEstimatorTests
{
    private sealed class Row
    {
        public string? Text { get; set; }

        public string[] Words { get; set; } = [];

        public float Number { get; set; }
    }

    private sealed class Stems
    {
        public string TextStem { get; set; } = "";

        public string[] WordStems { get; set; } = [];
    }

    private static Row[] Rows() =>
    [
        new() { Text = "running", Words = ["cats", "running", "generously"], Number = 1 },
        new() { Text = "", Words = [], Number = 2 },
        new() { Text = "skies", Words = ["  ", "\uD800", "caresses"], Number = 3 },
    ];

    [Fact]
    public void StemWords_StemsScalarAndVectorColumns_KeepingShape()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(Rows());
        var model = ml.Transforms.Text.StemWords("TextStem", "Text")
            .Append(ml.Transforms.Text.StemWords("WordStems", "Words"))
            .Fit(data);
        IDataView output = model.Transform(data);

        Assert.Equal(TextDataViewType.Instance, output.Schema["TextStem"].Type);
        Assert.Equal(data.Schema["Words"].Type, output.Schema["WordStems"].Type);
        Stems[] rows = ml.Data.CreateEnumerable<Stems>(output, reuseRowObject: false).ToArray();
        // Expected stems from snowball-data english/output.txt (cats, running, generously, skies, caresses).
        Assert.Equal(["run", "", "sky"], rows.Select(r => r.TextStem));
        Assert.Equal(["cat", "run", "generous"], rows[0].WordStems);
        Assert.Empty(rows[1].WordStems);
        Assert.Equal(["  ", "\uD800", "caress"], rows[2].WordStems);
    }

    [Theory]
    [InlineData(StemmerLanguage.German, "katzen", "katz")]
    [InlineData(StemmerLanguage.Russian, "важнейшими", "важн")]
    [InlineData(StemmerLanguage.Porter, "generalizations", "gener")]
    public void StemWords_UsesRequestedLanguage(StemmerLanguage language, string word, string expected)
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(new[] { new Row { Text = word } });
        IDataView output = ml.Transforms.Text.StemWords("TextStem", "Text", language).Fit(data).Transform(data);
        Assert.Equal([expected], output.GetColumn<ReadOnlyMemory<char>>("TextStem").Select(m => m.ToString()));
    }

    [Fact]
    public void StemWords_GivesEmptyText_ForNullText()
    {
        // A null string in a POCO is loaded as empty text; its stem is empty, not an error.
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(new[] { new Row { Text = null } });
        IDataView output = ml.Transforms.Text.StemWords("TextStem", "Text").Fit(data).Transform(data);
        Assert.Equal([""], output.GetColumn<ReadOnlyMemory<char>>("TextStem").Select(m => m.ToString()));
    }

    [Fact]
    public void StemWords_InPlace_ReplacesTheColumn()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(Rows());
        IDataView output = ml.Transforms.Text.StemWords("Words").Fit(data).Transform(data);
        var first = output.GetColumn<VBuffer<ReadOnlyMemory<char>>>("Words").First();
        Assert.Equal(["cat", "run", "generous"], first.DenseValues().Select(m => m.ToString()));
    }

    [Fact]
    public void StemWords_RejectsNonTextColumn_InEstimatorAndTransformer()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(Rows());
        var estimator = ml.Transforms.Text.StemWords("Out", "Number");

        var fitError = Assert.Throws<SchemaMismatchException>(() => estimator.Fit(data));
        Assert.Contains("Number", fitError.Message);
        Assert.Contains("String or vector of String", fitError.Message);

        var transformer = new StemmingTransformer(StemmerLanguage.English, new InputOutputColumnPair("Out", "Number"));
        var transformError = Assert.Throws<SchemaMismatchException>(() => transformer.Transform(data));
        Assert.Contains("Number", transformError.Message);

        Assert.Throws<SchemaMismatchException>(() => estimator.GetOutputSchema(SchemaShape.Create(data.Schema)));
    }

    [Fact]
    public void StemWords_RejectsUndefinedLanguage() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MLContext(1).Transforms.Text.StemWords("Out", "Text", (StemmerLanguage)42));

    [Theory]
    [InlineData(StemmerLanguage.English)]
    [InlineData(StemmerLanguage.French)]
    [InlineData(StemmerLanguage.Finnish)]
    public void StemWords_RoundTripsThroughModelZip(StemmerLanguage language)
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(Rows());
        var estimator = ml.Transforms.Text.StemWords([new("TextStem", "Text"), new("WordStems", "Words")], language);

        var (_, loaded) = ModelRoundTrip.FitSaveLoadCompare(ml, estimator, data);

        var stemming = Assert.IsType<StemmingTransformer>(loaded);
        Assert.Equal(language, stemming.Language);
    }

    [Fact]
    public void StemWords_WorksInPredictionEngine()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(Rows());
        ITransformer model = ml.Transforms.Text.StemWords("WordStems", "Words").Fit(data);
        byte[] zip = ModelRoundTrip.Save(ml, model, data.Schema);
        ITransformer loaded = new MLContext(seed: 2).Model.Load(new MemoryStream(zip), out _);

        using var engine = ml.Model.CreatePredictionEngine<Row, Stems>(loaded);
        Stems result = engine.Predict(new Row { Words = ["connections", "ponies"] });
        Assert.Equal(["connect", "poni"], result.WordStems);
    }

    private sealed class Keys
    {
        public uint[] StemKeys { get; set; } = [];
    }

    [Fact]
    public void StemWords_ThenMapValueToKey_GivesSameKeysAfterModelZipAndPredictionEngine()
    {
        // running/runs/run share one key once stemmed: the vocabulary shrinks as intended, and survives model.zip.
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(new[]
        {
            new Row { Words = ["running", "runs", "cats"] },
            new Row { Words = ["run", "cat", "generously"] },
        });
        var pipeline = ml.Transforms.Text.StemWords("Stems", "Words")
            .Append(ml.Transforms.Conversion.MapValueToKey("StemKeys", "Stems"));
        var (fitted, loaded) = ModelRoundTrip.FitSaveLoadCompare(ml, pipeline, data);

        uint[][] keys = ml.Data.CreateEnumerable<Keys>(fitted.Transform(data), reuseRowObject: false).Select(k => k.StemKeys).ToArray();
        Assert.Equal([1u, 1u, 2u], keys[0]);
        Assert.Equal([1u, 2u, 3u], keys[1]);

        using var engine = ml.Model.CreatePredictionEngine<Row, Keys>(loaded);
        Assert.Equal([2u, 1u, 0u], engine.Predict(new Row { Words = ["cats", "running", "unseen"] }).StemKeys);
    }
}
