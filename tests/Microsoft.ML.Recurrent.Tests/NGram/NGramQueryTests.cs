using Microsoft.ML.Recurrent.NGram;
using Microsoft.ML.Recurrent.Tests.NGram.Estimation;

namespace Microsoft.ML.Recurrent.Tests.NGram;

public sealed class NGramQueryTests
{
    private static readonly string[] Fox =
    [
        "the quick red fox jumps over the lazy dog",
        "the quick red fox jumps over the fence",
        "a quick brown fox jumps high",
        "the lazy dog sleeps",
        "the red fox runs",
        "the quick red fox just ran away",
    ];

    private static NGramLanguageModel FoxModel() =>
        NGramLanguageModel.Train(Fox, new NGramOptions { Order = 3, DiscountFallback = [0.5f, 1f, 1.5f] });

    [Theory]
    [InlineData("")]
    [InlineData("w3")]
    [InlineData("w3 w24")]
    [InlineData("w0 w0 w7")]
    [InlineData("unseen")]
    public void TopK_EqualsBruteForceOverTheVocabulary(string context)
    {
        var model = NGramLanguageModel.Train(KneserNeyOracleTests.RandomCorpus(600, 200, 7), new NGramOptions { Order = 4 });
        var state = model.ContextOf(context);
        var all = new List<(int Id, float P)>();
        for (int w = 0; w < model.Vocabulary.Count; w++)
            if (w != NGramVocabulary.UnknownId && w != NGramVocabulary.BeginOfSentenceId) all.Add((w, model.Score(state, w, out _)));
        all.Sort((a, b) => a.P != b.P ? b.P.CompareTo(a.P) : a.Id.CompareTo(b.Id));
        var ids = new int[10];
        var probs = new float[10];
        int n = model.PredictNextWords(state, ids, probs);
        Assert.Equal(10, n);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(all[i].Id, ids[i]);
            Assert.Equal(all[i].P, probs[i]);
        }
    }

    [Fact]
    public void CompleteWord_CompletesPartialLastWord()
    {
        var model = FoxModel();
        var completions = model.CompleteWord("quick red fox ju", 3);
        Assert.Equal("jumps", completions[0].Word);
        Assert.Equal(["jumps", "just"], completions.Select(c => c.Word).Order());
    }

    [Fact]
    public void CompleteWord_WithTrailingSpace_SuggestsNextWords()
    {
        var model = FoxModel();
        Assert.Equal(model.PredictNextWords("the quick", 3), model.CompleteWord("the quick ", 3));
        Assert.Equal("red", model.CompleteWord("the quick ", 1)[0].Word);
    }

    [Fact]
    public void CompletePhrase_ContinuesWithMostProbableWords()
    {
        var model = FoxModel();
        var best = model.CompletePhrase("the quick red f", maxWords: 3, count: 2)[0];
        Assert.Equal("fox jumps over", best.Words);
        Assert.False(best.EndsSentence);
        var ending = model.CompletePhrase("the lazy dog ", maxWords: 3, count: 1)[0];
        Assert.True(ending.EndsSentence);
    }

    [Fact]
    public void Generate_IsDeterministicForASeed_AndGreedyFollowsTopOne()
    {
        var model = FoxModel();
        var options = new NGramGenerationOptions { Seed = 5, MaxTokens = 20 };
        Assert.Equal(model.Generate("the", options), model.Generate("the", options));
        string greedy = model.Generate("the quick red", new NGramGenerationOptions { Temperature = 0, MaxTokens = 3 });
        Assert.Equal("fox jumps over", greedy);
        var topK = new NGramGenerationOptions { Seed = 1, TopK = 2, Temperature = 0.7f, TopP = 0.9f, MaxTokens = 30, StopAtEndOfSentence = false };
        Assert.Equal(model.Generate("", topK), model.Generate("", topK));
    }

    [Fact]
    public void Sampling_DrawsFromTheModelDistribution()
    {
        var model = NGramLanguageModel.Train(KneserNeyOracleTests.RandomCorpus(600, 200, 7), new NGramOptions { Order = 3 });
        var state = model.ContextOf("w3");
        var frequency = new double[model.Vocabulary.Count];
        var random = new Random(42);
        const int draws = 200_000;
        for (int i = 0; i < draws; i++) frequency[model.Successors.Sample(state, random)]++;
        double unk = Math.Pow(10, model.Score(state, NGramVocabulary.UnknownId, out _)); // never drawn: excluded
        for (int w = 0; w < frequency.Length; w++)
        {
            if (w == NGramVocabulary.BeginOfSentenceId || w == NGramVocabulary.UnknownId) { Assert.Equal(0, frequency[w]); continue; }
            double p = Math.Pow(10, model.Score(state, w, out _)) / (1 - unk);
            double sigma = Math.Sqrt(p * (1 - p) / draws);
            Assert.True(Math.Abs(frequency[w] / draws - p) < 5 * sigma + 1e-4, $"word {model.Vocabulary[w]}: drawn {frequency[w] / draws}, p {p}");
        }
    }

    [Theory]
    [InlineData(NGramSmoothing.KneserNey)]
    [InlineData(NGramSmoothing.AddK)]
    public void ScoreSentence_IsBitIdenticalToScoringTokenByToken(NGramSmoothing smoothing)
    {
        var model = NGramLanguageModel.Train(KneserNeyOracleTests.RandomCorpus(600, 200, 7), new NGramOptions { Order = 5, Smoothing = smoothing });
        var random = new Random(11);
        for (int s = 0; s < 200; s++)
        {
            // Words of the vocabulary, the unknown word, <s> and ids outside the vocabulary.
            var ids = Enumerable.Range(0, random.Next(0, 30)).Select(_ => random.Next(-2, model.Vocabulary.Count + 3)).ToArray();
            var probs = new float[ids.Length + 1];
            double sum = model.ScoreSentence(ids, probs);
            var state = model.BeginSentence();
            double expectedSum = 0;
            for (int t = 0; t <= ids.Length; t++)
            {
                float p = model.Score(state, t < ids.Length ? ids[t] : NGramVocabulary.EndOfSentenceId, out state);
                Assert.Equal(BitConverter.SingleToInt32Bits(p), BitConverter.SingleToInt32Bits(probs[t]));
                expectedSum += p;
            }
            Assert.Equal(expectedSum, sum);
            Assert.Equal(expectedSum, model.ScoreSentence(ids, default));
        }
        var error = Assert.Throws<ArgumentException>(() => model.ScoreSentence(new int[3], new float[3]));
        Assert.Contains("log10Probabilities has 3 elements", error.Message);
    }
}
