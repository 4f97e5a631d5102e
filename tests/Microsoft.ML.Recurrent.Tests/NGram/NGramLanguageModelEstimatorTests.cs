using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Recurrent.NGram;
using Microsoft.ML.Recurrent.Testing;
using Microsoft.ML.Recurrent.Tests.NGram.Estimation;

namespace Microsoft.ML.Recurrent.Tests.NGram;

public sealed class NGramLanguageModelEstimatorTests
{
    public sealed class Sentence
    {
        public string[] Tokens { get; set; } = [];
    }

    public sealed class TextSentence
    {
        public string Text { get; set; } = "";
    }

    public sealed class Prediction
    {
        public float Log10Probability { get; set; }
        public float LogProbability { get; set; }
        public float Perplexity { get; set; }
        public int TokenCount { get; set; }
        public string[] NextWords { get; set; } = [];
        public float[] NextWordProbabilities { get; set; } = [];
        public string CompletedWord { get; set; } = "";
        public string Generated { get; set; } = "";
    }

    private static List<Sentence> Corpus() =>
        KneserNeyOracleTests.RandomCorpus(600, 200, 7).Select(s => new Sentence { Tokens = s.Split(' ', StringSplitOptions.RemoveEmptyEntries) }).ToList();

    [Fact]
    public void FitSaveLoad_GivesIdenticalColumns()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(Corpus().Take(200));
        ModelRoundTrip.FitSaveLoadCompare(ml, ml.Transforms.Text.NGramLanguageModel("Tokens", order: 3), data);
    }

    [Fact]
    public void Transform_ScoresRowsLikeThePlainModel()
    {
        var ml = new MLContext(seed: 1);
        var corpus = Corpus();
        var transformer = ml.Transforms.Text.NGramLanguageModel("Tokens", order: 3).Fit(ml.Data.LoadFromEnumerable(corpus));
        var plain = NGramLanguageModel.Train(corpus.Select(s => (IReadOnlyList<string>)s.Tokens), new NGramOptions { Order = 3 });
        var rows = ml.Data.CreateEnumerable<Prediction>(transformer.Transform(ml.Data.LoadFromEnumerable(corpus.Take(20))), reuseRowObject: false).ToList();
        for (int i = 0; i < rows.Count; i++)
        {
            var expected = plain.ScoreSentence(string.Join(' ', corpus[i].Tokens));
            Assert.Equal((float)expected.Log10Probability, rows[i].Log10Probability);
            Assert.Equal((float)expected.Perplexity, rows[i].Perplexity);
            Assert.Equal((int)expected.Tokens, rows[i].TokenCount);
            Assert.Equal(rows[i].Log10Probability * Math.Log(10), rows[i].LogProbability, 1e-3);
        }
    }

    [Fact]
    public void PredictionEngine_AfterSaveAndLoad_GivesIdenticalScoresAndSuggestions()
    {
        var ml = new MLContext(seed: 1);
        var model = ml.Transforms.Text.NGramLanguageModel("Tokens", order: 3).Fit(ml.Data.LoadFromEnumerable(Corpus()));
        var stream = new MemoryStream();
        var schema = ml.Data.LoadFromEnumerable(Corpus().Take(1)).Schema;
        ml.Model.Save(model, schema, stream);
        stream.Position = 0;
        var ml2 = new MLContext(seed: 2);
        var loaded = ml2.Model.Load(stream, out _);
        var before = ml.Model.CreatePredictionEngine<Sentence, Prediction>(model);
        var after = ml2.Model.CreatePredictionEngine<Sentence, Prediction>(loaded);
        foreach (string[] tokens in new[] { new[] { "w3" }, ["w3", "w24", "w1"], [], ["unseen", "w7"] })
        {
            var a = before.Predict(new Sentence { Tokens = tokens });
            var b = after.Predict(new Sentence { Tokens = tokens });
            Assert.Equal(a.Log10Probability, b.Log10Probability);
            Assert.Equal(a.Perplexity, b.Perplexity);
            Assert.Equal(a.NextWords, b.NextWords);
            Assert.Equal(a.NextWordProbabilities, b.NextWordProbabilities);
            Assert.Equal(a.Generated, b.Generated);
            Assert.Equal(a.CompletedWord, b.CompletedWord);
            Assert.Equal(5, a.NextWords.Length);
        }
    }

    [Fact]
    public void TextColumn_IsSplitOnWhiteSpace_AndCompletesTheLastWord()
    {
        var ml = new MLContext(seed: 1);
        var lines = new[] { "the quick red fox jumps over the lazy dog", "the quick red fox jumps high", "a red fox just ran" }
            .Select(t => new TextSentence { Text = t });
        var model = ml.Transforms.Text.NGramLanguageModel(new NGramLanguageModelEstimator.Options
        {
            InputColumnName = "Text",
            Model = new NGramOptions { Order = 3, DiscountFallback = [0.5f, 1f, 1.5f] },
        }).Fit(ml.Data.LoadFromEnumerable(lines));
        var engine = ml.Model.CreatePredictionEngine<TextSentence, Prediction>(model);
        var p = engine.Predict(new TextSentence { Text = "quick red fox ju" });
        Assert.Equal("jumps", p.CompletedWord);
        Assert.Equal("jumps", engine.Predict(new TextSentence { Text = "the quick red fox" }).NextWords[0]);
        Assert.StartsWith("jumps over", engine.Predict(new TextSentence { Text = "the quick red fox" }).Generated);
    }

    [Fact]
    public void WrongInputType_IsRejectedByEstimatorAndTransformer()
    {
        var ml = new MLContext(seed: 1);
        var good = ml.Data.LoadFromEnumerable(Corpus());
        var bad = ml.Data.LoadFromEnumerable(new[] { new { Tokens = 1f } });
        var estimator = ml.Transforms.Text.NGramLanguageModel("Tokens", order: 2);
        Assert.Throws<SchemaMismatchException>(() => estimator.Fit(bad));
        Assert.Throws<SchemaMismatchException>(() => estimator.GetOutputSchema(SchemaShape.Create(bad.Schema)));
        var transformer = estimator.Fit(good);
        Assert.Throws<SchemaMismatchException>(() => transformer.Transform(bad));
    }
}
