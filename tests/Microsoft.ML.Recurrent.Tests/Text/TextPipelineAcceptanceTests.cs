using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Recurrent.Testing;
using Microsoft.ML.Recurrent.Text.Stemming;

namespace Microsoft.ML.Recurrent.Tests.Text;

/// <summary>
/// Acceptance (issue 3): NormalizeText → TokenizeIntoWords → RemoveDefaultStopWords → StemWords → vocabulary fits,
/// saves to model.zip, loads, and gives identical output through a PredictionEngine.
/// </summary>
public sealed class TextPipelineAcceptanceTests
{
    public sealed class Review
    {
        public string Text { get; set; } = "";
    }

    public sealed class Features
    {
        public string[] Stems { get; set; } = [];

        public VBuffer<uint> Keys { get; set; }
    }

    private static Review[] LoadReviews() =>
        File.ReadLines(SharedData.Path("sentiment", "yelp_labelled.txt"))
            .Select(line => new Review { Text = line.Split('\t')[0] })
            .ToArray();

    private static IEstimator<ITransformer> Pipeline(MLContext ml) =>
        ml.Transforms.Text.NormalizeText("Text")
            .Append(ml.Transforms.Text.TokenizeIntoWords("Tokens", "Text"))
            .Append(ml.Transforms.Text.RemoveDefaultStopWords("Tokens"))
            .Append(ml.Transforms.Text.StemWords("Stems", "Tokens"))
            .Append(ml.Transforms.Text.MapTokensToKeys("Keys", "Stems"));

    [Fact]
    public void Pipeline_FitsSavesLoads_AndPredictionEngineGivesIdenticalOutput()
    {
        var ml = new MLContext(seed: 1);
        Review[] reviews = LoadReviews();
        IDataView data = ml.Data.LoadFromEnumerable(reviews);
        ITransformer model = Pipeline(ml).Fit(data);

        string path = Path.Combine(Path.GetTempPath(), $"text-acceptance-{Guid.NewGuid():N}.zip");
        try
        {
            ml.Model.Save(model, data.Schema, path);
            var fresh = new MLContext(seed: 1);
            ITransformer loaded = fresh.Model.Load(path, out DataViewSchema? inputSchema);
            Assert.NotNull(inputSchema);

            using var original = ml.Model.CreatePredictionEngine<Review, Features>(model);
            using var reloaded = fresh.Model.CreatePredictionEngine<Review, Features>(loaded);
            var predicted = new Features();
            int nonEmpty = 0;
            foreach (Review review in reviews)
            {
                Features expected = original.Predict(review);
                reloaded.Predict(review, ref predicted);
                Assert.Equal(expected.Stems, predicted.Stems);
                Assert.Equal(expected.Keys.DenseValues(), predicted.Keys.DenseValues());
                Assert.Equal(expected.Stems.Length, expected.Keys.Length);
                nonEmpty += expected.Stems.Length > 0 ? 1 : 0;
            }
            Assert.True(nonEmpty > reviews.Length / 2, "most reviews keep some words");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Pipeline_GivesHandComputedStemsAndKeys()
    {
        var ml = new MLContext(seed: 1);
        Review[] reviews = [new() { Text = "The cats were running quickly" }, new() { Text = "A cat runs" }, new() { Text = "" }];
        IDataView data = ml.Data.LoadFromEnumerable(reviews);
        ITransformer model = Pipeline(ml).Fit(data);
        using var engine = ml.Model.CreatePredictionEngine<Review, Features>(model);

        Features first = engine.Predict(reviews[0]);
        // "the", "were" are stop words; Porter2: cats → cat, running → run, quickly → quick.
        Assert.Equal(["cat", "run", "quick"], first.Stems);
        // Vocabulary: <pad> <unk> <s> </s>, then cat (2) run (2), then quick (1): keys 5 6 7.
        Assert.Equal(new uint[] { 5, 6, 7 }, first.Keys.DenseValues());
        Assert.Equal(["cat", "run"], engine.Predict(reviews[1]).Stems);
        Assert.Empty(engine.Predict(reviews[2]).Stems);
        Assert.Equal(2u, engine.Predict(new Review { Text = "Dogs" }).Keys.GetItemOrDefault(0));   // unseen → <unk>
    }

    [Fact]
    public void Pipeline_RoundTripsThroughModelZip_WithIdenticalValues()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(LoadReviews().Take(200));
        ModelRoundTrip.FitSaveLoadCompare(ml, Pipeline(ml), data);
    }
}
