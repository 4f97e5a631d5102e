using Microsoft.ML.Recurrent.NGram;

namespace Microsoft.ML.Recurrent.Tests.NGram;

public sealed class NGramBadInputTests
{
    [Fact]
    public void EmptyCorpus_FailsClearly()
    {
        var e = Assert.Throws<InvalidOperationException>(() => NGramLanguageModel.Train(Array.Empty<string>()));
        Assert.Contains("empty", e.Message);
        string path = Path.GetTempFileName();
        try
        {
            Assert.Throws<InvalidOperationException>(() => NGramLanguageModel.Train(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(17)]
    public void OrderOutOfRange_FailsNamingTheOption(int order)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => NGramLanguageModel.Train(["a b"], new NGramOptions { Order = order }));
        Assert.Contains("NGramOptions.Order", e.Message);
    }

    [Fact]
    public void OnlyUnknownWords_FailsWithAdvice_OrTrainsWithFallback()
    {
        string[] corpus = ["<unk>", "<unk> <unk>", "<unk>"];
        var e = Assert.Throws<InvalidOperationException>(() => NGramLanguageModel.Train(corpus, new NGramOptions { Order = 3 }));
        Assert.Contains("DiscountFallback", e.Message);
        var model = NGramLanguageModel.Train(corpus, new NGramOptions { Order = 3, DiscountFallback = [0.5f, 1f, 1.5f] });
        var score = model.ScoreSentence("<unk> anything");
        Assert.Equal(2, score.OovCount);
        Assert.True(double.IsFinite(score.Perplexity));
        Assert.Single(model.TrainingSummary!.Warnings, w => w.Contains("1-grams"));
    }

    [Fact]
    public void OneMegabyteLine_IsOneSentence()
    {
        var random = new Random(1);
        var words = new string[260_000];
        for (int i = 0; i < words.Length; i++) words[i] = "w" + (int)(500 * Math.Pow(random.NextDouble(), 2));
        string line = string.Join(' ', words);
        Assert.True(line.Length > 1_000_000);
        var model = NGramLanguageModel.Train([line], new NGramOptions { Order = 3, DiscountFallback = [0.5f, 1f, 1.5f] });
        Assert.Equal(1, model.TrainingSummary!.SentenceCount);
        var score = model.ScoreSentence(line);
        Assert.Equal(words.Length + 1, score.Tokens);
        Assert.True(double.IsFinite(score.Perplexity));
    }

    [Fact]
    public void EmptyPrompt_StartsASentence()
    {
        var model = NGramLanguageModel.Train(["a b c", "a c b", "b a c", "c a"], new NGramOptions { Order = 2, DiscountFallback = [0.5f, 1f, 1.5f] });
        Assert.Equal(model.PredictNextWords("", 2), model.CompleteWord("", 2));
        Assert.NotEmpty(model.Generate("", new NGramGenerationOptions { Seed = 1 }));
        Assert.NotEmpty(model.CompletePhrase("", 2, 2));
        Assert.Equal(1, model.ScoreSentence("").Tokens);
    }

    [Fact]
    public void ReservedWordsInCorpus_FailNamingTheLine()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "a b\nc </s> d\n");
            var e = Assert.Throws<FormatException>(() => NGramLanguageModel.Train(path));
            Assert.Contains("line 2", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void InvalidGenerationOptions_FailNamingTheOption()
    {
        var model = NGramLanguageModel.Train(["a b c", "a c b", "b a c", "c a"], new NGramOptions { Order = 2, DiscountFallback = [0.5f, 1f, 1.5f] });
        Assert.Contains("TopP", Assert.Throws<ArgumentOutOfRangeException>(() => model.Generate("a", new NGramGenerationOptions { TopP = 0 })).Message);
        Assert.Contains("MaxTokens", Assert.Throws<ArgumentOutOfRangeException>(() => model.Generate("a", new NGramGenerationOptions { MaxTokens = 0 })).Message);
    }

    [Fact]
    public void PruneThresholds_MustNotDecrease()
    {
        Assert.Throws<ArgumentException>(() => NGramLanguageModel.Train(["a b"], new NGramOptions { Order = 3, PruneThresholds = [0, 2, 1] }));
        Assert.Throws<ArgumentException>(() => NGramLanguageModel.Train(["a b"], new NGramOptions { Order = 3, PruneThresholds = [1] }));
    }
}
