using Microsoft.ML.Recurrent.NGram;
using Microsoft.ML.Recurrent.NGram.Query;
using Microsoft.ML.Recurrent.Tests.NGram.Estimation;

namespace Microsoft.ML.Recurrent.Tests.NGram.Query;

/// <summary>
/// The ranked masses against brute force over the vocabulary: every word's weight 10^(e·Score), ranked by the float
/// log-probability (ties by ascending id), summed in double.
/// </summary>
public sealed class RankedMassIndexTests
{
    private static readonly string[] Contexts = ["", "w3", "w3 w24", "w0 w0 w7", "w1 w2 w3 w4", "w5 w5", "unseen", "w5 unseen"];

    private static List<(int Id, float LogP)> Ranked(NGramLanguageModel model, NGramState state)
    {
        var ranked = new List<(int Id, float LogP)>();
        for (int w = 0; w < model.Vocabulary.Count; w++)
            if (w != NGramVocabulary.UnknownId && w != NGramVocabulary.BeginOfSentenceId) ranked.Add((w, model.Score(state, w, out _)));
        ranked.Sort((a, b) => a.LogP != b.LogP ? b.LogP.CompareTo(a.LogP) : a.Id.CompareTo(b.Id));
        return ranked;
    }

    [Theory]
    [InlineData(4, 600, 200, 7, 1.0, false)]
    [InlineData(4, 600, 200, 7, 2.5, false)]   // temperature 0.4
    [InlineData(3, 300, 40, 3, 1.0, false)]    // small vocabulary: many equal probabilities
    [InlineData(5, 800, 300, 11, 1.25, false)]
    [InlineData(2, 200, 60, 5, 1.0, false)]
    [InlineData(1, 200, 60, 5, 1.0, false)]    // unigrams only: no context level
    [InlineData(4, 600, 200, 7, 1.0, true)]    // pruned: the pruned mass is in the back-offs
    public void MassRankedBefore_EqualsBruteForce_ForEveryWord(int order, int sentences, int vocabulary, int seed, double exponent, bool pruned)
    {
        var options = new NGramOptions
        {
            Order = order,
            DiscountFallback = [0.5f, 1f, 1.5f],
            PruneThresholds = pruned ? [0, 0, 1, 1] : [],
        };
        var model = NGramLanguageModel.Train(KneserNeyOracleTests.RandomCorpus(sentences, vocabulary, seed), options);
        var index = model.RankedMass(exponent);
        foreach (string context in Contexts)
        {
            var state = model.ContextOf(context);
            var ranked = Ranked(model, state);
            double total = 0;
            foreach (var (_, logP) in ranked) total += Math.Pow(10, exponent * logP);
            Assert.True(Math.Abs(index.Total(state) - total) <= 1e-9 + 1e-5 * total, $"context '{context}': total {index.Total(state)}, brute force {total}");
            double before = 0;
            foreach (var (id, logP) in ranked)
            {
                double mass = index.MassRankedBefore(state, id, logP);
                Assert.True(Math.Abs(mass - before) <= 1e-12 + 1e-5 * total,
                    $"context '{context}', word {model.Vocabulary[id]} (log10 p {logP:R}): index {mass:R}, brute force {before:R}");
                before += Math.Pow(10, exponent * logP);
            }
        }
    }

    [Fact]
    public void TestModel_HasSuccessorsBelowBackedOffWords_AndTies()
    {
        // The cases the index must get right are present in the model the tests use: a word seen after the context
        // that is less probable than one that is not, and several words with the same probability.
        var model = NGramLanguageModel.Train(KneserNeyOracleTests.RandomCorpus(600, 200, 7), new NGramOptions { Order = 4 });
        var state = model.ContextOf("w3");
        float lowestSeen = float.PositiveInfinity, highestUnseen = float.NegativeInfinity;
        var values = new HashSet<float>();
        bool tie = false;
        for (int w = 3; w < model.Vocabulary.Count; w++)
        {
            float p = model.Tables.Score(state, w, out _, out int matched);
            if (matched > 1) lowestSeen = Math.Min(lowestSeen, p); else highestUnseen = Math.Max(highestUnseen, p);
            tie |= !values.Add(p);
        }
        Assert.True(lowestSeen < highestUnseen, $"lowest seen {lowestSeen}, highest backed-off {highestUnseen}");
        Assert.True(tie);
    }

    [Fact]
    public void AnotherExponent_SharesTheRankingButNotTheWeights()
    {
        var model = NGramLanguageModel.Train(KneserNeyOracleTests.RandomCorpus(600, 200, 7), new NGramOptions { Order = 4 });
        var state = model.ContextOf("w3");
        // Kneser-Ney is normalised: the suggestible words and <unk> make 1.
        double unknown = Math.Pow(10, model.Score(state, NGramVocabulary.UnknownId, out _));
        Assert.True(Math.Abs(model.RankedMass(1.0).Total(state) + unknown - 1) < 1e-5, $"total {model.RankedMass(1.0).Total(state)} + p(<unk>) {unknown}");
        Assert.Same(model.RankedMass(2.0), model.RankedMass(2.0));
        Assert.True(model.RankedMass(2.0).Total(state) < model.RankedMass(1.0).Total(state));
    }

    [Fact]
    public void Index_IsBuiltOnceTheWholeVocabularyPathHasCostAsMuch()
    {
        var model = NGramLanguageModel.Train(KneserNeyOracleTests.RandomCorpus(600, 200, 7), new NGramOptions { Order = 4 });
        long nGrams = 0;
        for (int k = 1; k <= model.Order; k++) nGrams += model.NGramCount(k);
        long tokens = model.RankedMassWorkPerNGram * nGrams / model.Vocabulary.Count; // just below the threshold (rounded down)
        Assert.Null(model.RankedMassIfWorthIt(1.0, (int)tokens - 1));
        Assert.Null(model.RankedMassIfWorthIt(1.0, 0));
        Assert.NotNull(model.RankedMassIfWorthIt(1.0, 2));
        Assert.NotNull(model.RankedMassIfWorthIt(1.0, 0)); // kept
        Assert.Null(model.RankedMassIfWorthIt(2.0, 1));    // another exponent: its own (smaller) threshold, counted afresh
    }
}
