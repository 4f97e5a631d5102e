using Microsoft.ML.Recurrent.Translation;
using Microsoft.ML.Recurrent.Translation.Dates;

namespace Microsoft.ML.Recurrent.Tests.Translation.Dates;

public sealed class DateTranslationTests
{
    // The bar for the README's first command: >= 99% exact match on held-out dates after <= 2 minutes of
    // training (the example's settings, 110 s of wall-clock training at most).
    [Fact]
    [Trait("Category", "Slow")]
    public void DateModel_ReachesNinetyNinePercentExactMatch_WithinTwoMinutes()
    {
        var train = DateCorpus.Generate(20000, seed: 1);
        var seen = new HashSet<string>(train.Select(p => p.Source));
        var valid = DateCorpus.Generate(500, seed: 2, exclude: seen);
        seen.UnionWith(valid.Select(p => p.Source));
        var test = DateCorpus.Generate(1000, seed: 3, exclude: seen);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var model = new Seq2SeqTrainer(new Seq2SeqTrainerOptions
        {
            Epochs = 30, BatchSize = 64, LearningRate = 0.003f, Patience = 2, TimeLimit = TimeSpan.FromSeconds(110),
        }).Fit(new Seq2SeqModelOptions { EmbeddingSize = 32, HiddenSize = 64 }, train, valid);
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"training took {clock.Elapsed}");
        var translations = model.TranslateAll(test.ConvertAll(p => p.Source));
        int exact = 0;
        for (int i = 0; i < test.Count; i++)
        {
            exact += translations[i].Text == test[i].Target ? 1 : 0;
        }
        Assert.True(exact >= 990, $"{exact} of {test.Count} held-out dates translated exactly");
    }
}
