using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Recurrent.Testing;
using Microsoft.ML.Recurrent.Translation;
using Microsoft.ML.Recurrent.Translation.Pipeline;

namespace Microsoft.ML.Recurrent.Tests.Translation.Pipeline;

public sealed class Seq2SeqTranslatorEstimatorTests
{
    public sealed class Pair
    {
        public string Source { get; set; } = "";

        public string Target { get; set; } = "";
    }

    public sealed class Prediction
    {
        public string Translation { get; set; } = "";

        public float Score { get; set; }

        [VectorType]
        public string[] NBest { get; set; } = [];

        [VectorType]
        public float[] Attention { get; set; } = [];
    }

    private static readonly Pair[] Pairs =
    [
        new() { Source = "abc", Target = "cba" }, new() { Source = "ab", Target = "ba" }, new() { Source = "bca", Target = "acb" },
        new() { Source = "cab", Target = "bac" }, new() { Source = "a", Target = "a" }, new() { Source = "cc", Target = "cc" },
    ];

    private static Seq2SeqTranslatorOptions Options => new()
    {
        NBestColumnName = "NBest", NBestScoresColumnName = "NBestScores", AttentionColumnName = "Attention",
        Model = new Seq2SeqModelOptions { EmbeddingSize = 8, HiddenSize = 16 },
        Trainer = new Seq2SeqTrainerOptions { Epochs = 30, BatchSize = 3, LearningRate = 0.02f },
        Translation = new TranslationOptions { BeamWidth = 3, NBest = 2 },
    };

    [Fact]
    public void FitSaveLoad_GivesIdenticalTranslationsScoresAndAttention()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(Pairs);
        var (fitted, loaded) = ModelRoundTrip.FitSaveLoadCompare(ml, ml.Translation().Seq2SeqTranslator(Options), data);
        Assert.NotNull(loaded);
        var engine = ml.Model.CreatePredictionEngine<Pair, Prediction>(fitted);
        var p = engine.Predict(new Pair { Source = "abc" });
        Assert.Equal(2, p.NBest.Length);
        Assert.Equal(p.Translation, p.NBest[0]);
        Assert.Equal((p.Translation.Length + 1) * 4, p.Attention.Length);
    }

    [Fact]
    public void Estimator_PassesTheConformanceCheck()
    {
        var ml = new MLContext(seed: 1);
        var bad = ml.Data.LoadFromEnumerable(new[] { new { Source = 1f, Target = "a" } });
        EstimatorConformance.Check(ml, ml.Translation().Seq2SeqTranslator(Options), ml.Data.LoadFromEnumerable(Pairs), bad);
    }

    [Fact]
    public void Evaluate_GivesBleuOfTheTranslationColumn()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(Pairs);
        var model = ml.Translation().Seq2SeqTranslator(Options).Fit(data);
        var metrics = ml.Translation().Evaluate(model.Transform(data));
        Assert.Equal(Pairs.Length, metrics.Sentences);
        Assert.InRange(metrics.Bleu, 0, 100);
        // Same column on both sides: a perfect score (sentences of four words or more, so that 4-grams exist).
        var sentences = ml.Data.LoadFromEnumerable(new[] { new Pair { Target = "the cat sat on the mat" }, new Pair { Target = "A dog ran away ." } });
        var perfect = ml.Translation().Evaluate(sentences, "Target", "Target");
        Assert.Equal(100.0, perfect.Bleu, 10);
        Assert.Equal(100.0, perfect.BleuLowercase, 10);
    }

    [Fact]
    public void Fit_And_Transform_RejectANonTextSource()
    {
        var ml = new MLContext(seed: 1);
        var bad = ml.Data.LoadFromEnumerable(new[] { new { Source = 1f, Target = "a" } });
        Assert.Throws<SchemaMismatchException>(() => ml.Translation().Seq2SeqTranslator(Options).Fit(bad));
        var model = ml.Translation().Seq2SeqTranslator(Options).Fit(ml.Data.LoadFromEnumerable(Pairs));
        Assert.Throws<SchemaMismatchException>(() => model.Transform(bad));
    }

    [Fact]
    public void Transform_NamesTheRow_WhenASourceIsTooLong()
    {
        var ml = new MLContext(seed: 1);
        var model = ml.Translation().Seq2SeqTranslator(Options).Fit(ml.Data.LoadFromEnumerable(Pairs));
        var rows = ml.Data.LoadFromEnumerable(new[] { new Pair { Source = "ab" }, new Pair { Source = "abcabc" } });
        var e = Assert.Throws<ArgumentException>(() => ml.Data.CreateEnumerable<Prediction>(model.Transform(rows), reuseRowObject: false).ToList());
        Assert.Contains("row 1", e.Message);
    }

    [Theory]
    [InlineData("\"HiddenSize\":\\s*16", "\"HiddenSize\": 17", "encoder.rnn.weight_ih_l0")]
    [InlineData("\"AttentionKind\":\\s*\"Bahdanau\"", "\"AttentionKind\": \"Magic\"", "AttentionKind")]
    [InlineData("\"Layers\":\\s*1,", "\"Layers\": 1000000,", "Layers")]
    public void Load_RejectsADamagedModel_NamingWhatIsWrong(string find, string replace, string expected)
    {
        var ml = new MLContext(seed: 1);
        var options = new Seq2SeqTranslatorOptions
        {
            Model = new Seq2SeqModelOptions { EmbeddingSize = 4, HiddenSize = 16 },
            Trainer = new Seq2SeqTrainerOptions { Epochs = 1 },
        };
        var model = ml.Translation().Seq2SeqTranslator(options).Fit(ml.Data.LoadFromEnumerable(Pairs));
        byte[] bytes = ModelRoundTrip.Save(ml, model, null);
        using var edited = new MemoryStream();
        edited.Write(bytes);
        using (var zip = new System.IO.Compression.ZipArchive(edited, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("manifest.json")!;
            string json;
            using (var reader = new StreamReader(entry.Open()))
            {
                json = reader.ReadToEnd();
            }
            Assert.Matches(find, json);
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("manifest.json").Open());
            writer.Write(System.Text.RegularExpressions.Regex.Replace(json, find, replace));
        }
        edited.Position = 0;
        var e = Assert.ThrowsAny<Exception>(() => new MLContext().Model.Load(edited, out _));
        Assert.True(e is InvalidDataException, e.ToString());
        Assert.True(e.Message.Contains(expected, StringComparison.Ordinal), e.Message);
    }
}
