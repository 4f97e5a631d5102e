using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Recurrent.Testing;

namespace Microsoft.ML.Recurrent.Tests.Readme;

/// <summary>The README's quick start, compiled and run, so the README cannot drift from the API.</summary>
public sealed class QuickStartTests
{
    public sealed class Line
    {
        public string Text { get; set; } = "";
    }

    public sealed class Completion
    {
        public string[] NextWords { get; set; } = [];
        public float[] NextWordProbabilities { get; set; } = [];
        public string CompletedWord { get; set; } = "";
        public float Perplexity { get; set; }
    }

    [Fact]
    public void QuickStart_TrainsSavesLoadsAndSuggests()
    {
        string corpus = SharedData.Path("ptb", "ptb.train.txt");
        string modelPath = Path.Combine(Directory.CreateTempSubdirectory("readme").FullName, "model.zip");

        // --- README quick start (keep in sync with README.md) ---
        var ml = new MLContext(seed: 1);
        IDataView lines = ml.Data.LoadFromTextCorpus(corpus, "Text");
        var pipeline = ml.Transforms.Text.NormalizeText("Text")
            .Append(ml.Transforms.Text.TokenizeIntoWords("Tokens", "Text"))
            .Append(ml.Transforms.Text.NGramLanguageModel("Tokens", order: 3));
        ITransformer model = pipeline.Fit(lines);
        ml.Model.Save(model, lines.Schema, modelPath);

        var engine = ml.Model.CreatePredictionEngine<Line, Completion>(ml.Model.Load(modelPath, out _));
        Completion next = engine.Predict(new Line { Text = "the stock" });           // NextWords[0] == "market"
        Completion partial = engine.Predict(new Line { Text = "shares of the compa" }); // CompletedWord == "company"
        // --- end of quick start ---

        Assert.Equal("market", next.NextWords[0]);
        Assert.Equal("company", partial.CompletedWord);
        Assert.InRange(next.NextWordProbabilities[0], 0.2f, 1f);
    }
}
