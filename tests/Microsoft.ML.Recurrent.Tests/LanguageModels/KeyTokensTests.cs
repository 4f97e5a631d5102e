using Microsoft.ML.Data;
using Microsoft.ML.Recurrent.LanguageModels;
using Microsoft.ML.Recurrent.Testing;

namespace Microsoft.ML.Recurrent.Tests.LanguageModels;

/// <summary>Key-typed input (a vector of keys from MapValueToKey) to the LstmLanguageModel estimator and transformer.</summary>
public sealed class KeyTokensTests
{
    private sealed class Line
    {
        public string Text { get; set; } = "";
    }

    private static LstmLanguageModelOptions Options(string input) => new()
    {
        Model = ToyCorpus.Tiny(),
        Trainer = ToyCorpus.Recipe(2),
        Columns = new LstmLanguageModelColumns { InputColumnName = input, NextTokenCount = 3 },
    };

    private static IDataView Corpus(MLContext ml, params string[] extra) =>
        ml.Data.LoadFromEnumerable(Enumerable.Repeat(ToyCorpus.Lines, 5).SelectMany(l => l).Concat(extra)
            .Select(t => new Line { Text = t }));

    private static IEstimator<ITransformer> Keys(MLContext ml) =>
        ml.Transforms.Text.TokenizeIntoWords("Tokens", "Text").Append(ml.Transforms.Conversion.MapValueToKey("Keys", "Tokens"));

    [Fact]
    public void KeyInput_TrainsTheSameModelAsTheTextItNames()
    {
        // The keys are read back as their words, so the vocabulary, the training stream and therefore every weight
        // and score equal those of the model trained on the text itself (same seed).
        var ml = new MLContext(1);
        var data = Corpus(ml);
        var fromText = ml.Transforms.Text.LstmLanguageModel(Options("Text")).Fit(data);
        var keyed = Keys(ml).Fit(data);
        var fromKeys = (LstmLanguageModelTransformer)ml.Transforms.Text.LstmLanguageModel(Options("Keys")).Fit(keyed.Transform(data));
        Assert.Equal(fromText.Model.Vocabulary.Tokens, fromKeys.Model.Vocabulary.Tokens);
        Assert.Equal(ToyCorpus.Snapshot(fromText.Model), ToyCorpus.Snapshot(fromKeys.Model));
        var rows = ml.Data.LoadFromEnumerable(new[] { new Line { Text = "the cat sat on" }, new Line { Text = "a dog" } });
        float[] textScores = fromText.Transform(rows).GetColumn<float>("Score").ToArray();
        float[] keyScores = fromKeys.Transform(keyed.Transform(rows)).GetColumn<float>("Score").ToArray();
        Assert.Equal(textScores, keyScores);
    }

    [Fact]
    public void MissingKey_IsReadAsUnknown()
    {
        var ml = new MLContext(1);
        var data = Corpus(ml);
        var keyed = Keys(ml).Fit(data);
        var model = (LstmLanguageModelTransformer)ml.Transforms.Text.LstmLanguageModel(Options("Keys")).Fit(keyed.Transform(data));
        // "zebra" was not in the data that MapValueToKey learned from: its key is 0 (missing).
        var rows = ml.Data.LoadFromEnumerable(new[] { new Line { Text = "the zebra sat" } });
        float score = model.Transform(keyed.Transform(rows)).GetColumn<float>("Score").Single();
        Assert.Equal((float)model.Model.Score("the <unk> sat").LogProbability, score);
    }

    [Fact]
    public void KeyInput_FitSaveLoad_GivesBitIdenticalScores()
    {
        var ml = new MLContext(1);
        var data = Corpus(ml);
        var pipeline = Keys(ml).Append(ml.Transforms.Text.LstmLanguageModel(Options("Keys")));
        ModelRoundTrip.FitSaveLoadCompare(ml, pipeline, data);
    }

    [Fact]
    public void KeyInput_PassesTheEstimatorsSchemaPropagation()
    {
        var ml = new MLContext(1);
        var pipeline = Keys(ml).Append(ml.Transforms.Text.LstmLanguageModel(Options("Keys")));
        var shape = pipeline.GetOutputSchema(SchemaShape.Create(Corpus(ml).Schema));
        Assert.True(shape.TryFindColumn("Score", out _));
        Assert.True(shape.TryFindColumn("NextTokens", out _));
    }
}
