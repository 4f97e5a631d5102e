using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Recurrent.Testing;
using Microsoft.ML.Recurrent.Text.Lemmatization;
using Microsoft.ML.Recurrent.Text.Stemming;

namespace Microsoft.ML.Recurrent.Tests.Text.Lemmatization;

public sealed class LemmatizingEstimatorTests
{
    private sealed class Row
    {
        public string Text { get; set; } = "";

        public string[] Words { get; set; } = [];

        public float Number { get; set; }
    }

    private sealed class Lemmas
    {
        public string TextLemma { get; set; } = "";

        public string[] WordLemmas { get; set; } = [];
    }

    private static readonly LemmaLexicon s_lexicon = LemmaLexicon.Parse(new StringReader("# test\nwent\tgo\nmice\tmouse\nchildren\tchild\n"));

    private static Row[] Rows() =>
    [
        new() { Text = "went", Words = ["the", "mice", "were", "running"] },
        new() { Text = "", Words = [] },
        new() { Text = "children", Words = ["children", "\uDC00"] },
    ];

    [Fact]
    public void Lemmatize_MapsKnownWords_AndStemsOthersWithFallback()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(Rows());
        var model = ml.Transforms.Text.Lemmatize("TextLemma", s_lexicon, "Text")
            .Append(ml.Transforms.Text.Lemmatize("WordLemmas", s_lexicon, "Words", StemmerLanguage.English))
            .Fit(data);
        Lemmas[] rows = ml.Data.CreateEnumerable<Lemmas>(model.Transform(data), reuseRowObject: false).ToArray();

        Assert.Equal(["go", "", "child"], rows.Select(r => r.TextLemma));
        Assert.Equal(["the", "mouse", "were", "run"], rows[0].WordLemmas);
        Assert.Equal(["child", "\uDC00"], rows[2].WordLemmas);
    }

    [Fact]
    public void Lemmatize_WithoutFallback_KeepsUnknownWords()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(Rows());
        IDataView output = ml.Transforms.Text.Lemmatize("WordLemmas", s_lexicon, "Words").Fit(data).Transform(data);
        var first = output.GetColumn<VBuffer<ReadOnlyMemory<char>>>("WordLemmas").First();
        Assert.Equal(["the", "mouse", "were", "running"], first.DenseValues().Select(m => m.ToString()));
    }

    [Fact]
    public void Lemmatize_FromFile_ReportsMalformedLine()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "went\tgo\nmice mouse\n");
            var ex = Assert.Throws<FormatException>(() => new MLContext(1).Transforms.Text.Lemmatize("Out", path, "Text"));
            Assert.Contains($"{path} line 2:", ex.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Lemmatize_RejectsNonTextColumn_InEstimatorAndTransformer()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(Rows());
        var estimator = ml.Transforms.Text.Lemmatize("Out", s_lexicon, "Number");
        Assert.Contains("Number", Assert.Throws<SchemaMismatchException>(() => estimator.Fit(data)).Message);
        var transformer = new LemmatizingTransformer(new Lemmatizer(s_lexicon), new InputOutputColumnPair("Out", "Number"));
        Assert.Throws<SchemaMismatchException>(() => transformer.Transform(data));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(StemmerLanguage.English)]
    public void Lemmatize_RoundTripsThroughModelZip_WithItsLexicon(StemmerLanguage? fallback)
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(Rows());
        var estimator = new LemmatizingEstimator(new Lemmatizer(s_lexicon, fallback), new("TextLemma", "Text"), new("WordLemmas", "Words"));

        var (_, loaded) = ModelRoundTrip.FitSaveLoadCompare(ml, estimator, data);

        var lemmatizing = Assert.IsType<LemmatizingTransformer>(loaded);
        Assert.Equal(fallback, lemmatizing.Lemmatizer.FallbackLanguage);
        Assert.Equal(3, lemmatizing.Lemmatizer.Lexicon.Count);
        Assert.Equal("mouse", lemmatizing.Lemmatizer.Lemmatize("mice"));
    }
}
