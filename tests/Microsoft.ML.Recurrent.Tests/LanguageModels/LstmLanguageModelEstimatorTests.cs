using Microsoft.ML.Data;
using Microsoft.ML.Recurrent.LanguageModels;
using Microsoft.ML.Recurrent.Testing;

namespace Microsoft.ML.Recurrent.Tests.LanguageModels;

public sealed class LstmLanguageModelEstimatorTests
{
    private sealed class Line
    {
        public string Text { get; set; } = "";
    }

    private sealed class Number
    {
        public float Text { get; set; }
    }

    private sealed class Prediction
    {
        public float Score { get; set; }

        public float Perplexity { get; set; }

        public string[] NextTokens { get; set; } = [];

        public float[] NextTokenProbabilities { get; set; } = [];

        public string Completion { get; set; } = "";

        public string Generated { get; set; } = "";
    }

    private static LstmLanguageModelOptions Options(int epochs = 4) => new()
    {
        Model = ToyCorpus.Tiny(),
        Trainer = ToyCorpus.Recipe(epochs),
        Columns = new LstmLanguageModelColumns { NextTokenCount = 3, GeneratedTokens = 4 },
    };

    private static IDataView Corpus(MLContext ml, int repeats) =>
        ml.Data.LoadFromEnumerable(Enumerable.Repeat(ToyCorpus.Lines, repeats).SelectMany(l => l).Select(t => new Line { Text = t }));

    [Fact]
    public void FitSaveLoad_GivesBitIdenticalScores()
    {
        var ml = new MLContext(1);
        var data = Corpus(ml, 10);
        var estimator = ml.Transforms.Text.LstmLanguageModel(Options());
        ModelRoundTrip.FitSaveLoadCompare(ml, estimator, data);
    }

    [Fact]
    public void PredictionEngine_ServesSuggestionsCompletionAndGeneration()
    {
        var ml = new MLContext(1);
        var model = ml.Transforms.Text.LstmLanguageModel(Options(8)).Fit(Corpus(ml, 30));
        using var stream = new MemoryStream();
        ml.Model.Save(model, null, stream);
        stream.Position = 0;
        var loaded = ml.Model.Load(stream, out _);
        var engine = ml.Model.CreatePredictionEngine<Line, Prediction>(loaded);
        var p = engine.Predict(new Line { Text = "the cat sat" });
        Assert.Equal("on", p.NextTokens[0]);
        Assert.Equal(3, p.NextTokenProbabilities.Length);
        Assert.Equal("sat", p.Completion);      // the last word is complete already: its best completion is itself
        Assert.StartsWith("on", p.Generated);
        Assert.True(p.Score < 0 && p.Perplexity > 1);
        var partial = engine.Predict(new Line { Text = "the cat s" });
        Assert.Equal("sat", partial.Completion);
    }

    [Fact]
    public void WrongInputType_IsRejectedByEstimatorAndTransformer()
    {
        var ml = new MLContext(1);
        var numbers = ml.Data.LoadFromEnumerable(new[] { new Number { Text = 1 } });
        var estimator = ml.Transforms.Text.LstmLanguageModel(Options(1));
        Assert.Throws<SchemaMismatchException>(() => estimator.Fit(numbers));
        var fitted = estimator.Fit(Corpus(ml, 3));
        Assert.Throws<SchemaMismatchException>(() => fitted.Transform(numbers));
    }

    [Fact]
    public void PlainModel_SaveLoad_RoundTripsScores()
    {
        var (vocabulary, ids) = ToyCorpus.Build(5);
        var model = RecurrentLanguageModel.Create(vocabulary, ToyCorpus.Tiny(RecurrentCellKind.Gru));
        string path = Path.Combine(Path.GetTempPath(), $"lm-{Guid.NewGuid():N}.zip");
        try
        {
            model.Save(path);
            var loaded = RecurrentLanguageModel.Load(path);
            Assert.Equal(ToyCorpus.Snapshot(model), ToyCorpus.Snapshot(loaded));
            Assert.Equal(model.Score("the cat sat").LogProbability, loaded.Score("the cat sat").LogProbability);
            Assert.Equal(vocabulary.Tokens, loaded.Vocabulary.Tokens);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void DamagedModelFile_FailsClearly()
    {
        var (vocabulary, _) = ToyCorpus.Build(1);
        var model = RecurrentLanguageModel.Create(vocabulary, ToyCorpus.Tiny());
        string path = Path.Combine(Path.GetTempPath(), $"lm-{Guid.NewGuid():N}.zip");
        try
        {
            model.Save(path);
            var bytes = File.ReadAllBytes(path);
            File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
            Assert.Throws<InvalidDataException>(() => RecurrentLanguageModel.Load(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
