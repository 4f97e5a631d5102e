using Microsoft.ML.Recurrent.LanguageModels;
using Microsoft.ML.Recurrent.NGram;

namespace Microsoft.ML.Recurrent.Tests.LanguageModels;

public sealed class InterpolatedLanguageModelTests
{
    [Fact]
    public void TunedMixture_IsNoWorseThanEitherModel_OnTheTuningText()
    {
        var (vocabulary, ids) = ToyCorpus.Build(20);
        var neural = RecurrentLanguageModel.Create(vocabulary, ToyCorpus.Tiny());
        new LanguageModelTrainer(ToyCorpus.Recipe(epochs: 2)).Train(neural, ids);
        var lines = Enumerable.Repeat(ToyCorpus.Lines, 20).SelectMany(l => l).ToList();
        var ngram = NGramLanguageModel.Train(lines, new NGramOptions { Order = 3, DiscountFallback = [0.5f, 1f, 1.5f] });
        var validation = new[] { "the cat sat on the log", "a dog ate the fish" };

        var mixture = InterpolatedLanguageModel.Tune(neural, ngram, validation);
        var result = mixture.Evaluate(validation);

        Assert.InRange(result.NeuralWeight, 0, 1);
        Assert.Equal(13, result.Tokens);                 // (6 + 1) + (5 + 1) words and line ends
        Assert.True(result.Perplexity <= Math.Min(result.NeuralPerplexity, result.NGramPerplexity) + 1e-9,
            $"mixture {result.Perplexity}, neural {result.NeuralPerplexity}, n-gram {result.NGramPerplexity}");
        // λ = 1 is the recurrent model alone, reading the lines as one stream from the start of a line.
        var context = neural.CreateContext();
        foreach (string line in validation)
        {
            context.Append(line);
            context.Append(vocabulary.EndOfLineId);
        }
        Assert.Equal(Math.Exp(-context.LogProbability / 13), result.NeuralPerplexity, 4);
    }

    [Fact]
    public void CharacterModel_IsRejected()
    {
        var (vocabulary, _) = ToyCorpus.Build(1, TokenLevel.Character);
        var neural = RecurrentLanguageModel.Create(vocabulary, ToyCorpus.Tiny());
        var ngram = NGramLanguageModel.Train(ToyCorpus.Lines, new NGramOptions { Order = 2, DiscountFallback = [0.5f, 1f, 1.5f] });
        Assert.Throws<ArgumentException>(() => new InterpolatedLanguageModel(neural, ngram, 0.5));
    }
}
