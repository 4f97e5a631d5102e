using Microsoft.ML.Recurrent.LanguageModels;
using Microsoft.ML.Recurrent.Testing;

namespace Microsoft.ML.Recurrent.Tests.LanguageModels;

/// <summary>
/// The acceptance runs on real data (need a quiet 2-core machine: about 30 minutes each). Run with
/// <c>dotnet test tests/Microsoft.ML.Recurrent.Tests -c Release --filter "FullyQualifiedName~RealDataLanguageModelTests"</c>.
/// </summary>
public sealed class RealDataLanguageModelTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public void PtbSmallRecipe_ReachesTestPerplexityAtMost116()
    {
        // Zaremba et al. (2014) "small": 2×200 LSTM, no dropout, BPTT 20, batch 20, SGD 1 halved after epoch 4,
        // clip 5, init ±0.1, 13 epochs; published test perplexity 114.5 (TensorFlow tutorial 115.9).
        string train = SharedData.Path("ptb", "ptb.train.txt");
        using var reader = new StreamReader(train);
        var vocabulary = LanguageModelVocabulary.Build(TextTokens.OfCorpus(reader, TokenLevel.Word), TokenLevel.Word);
        var model = RecurrentLanguageModel.Create(vocabulary, RecurrentLanguageModelOptions.PtbSmall);
        var result = new LanguageModelTrainer(LanguageModelTrainerOptions.PtbSmall).Train(model,
            TextTokens.ReadFile(train, vocabulary), TextTokens.ReadFile(SharedData.Path("ptb", "ptb.valid.txt"), vocabulary));
        var (test, _) = model.Perplexity(TextTokens.ReadFile(SharedData.Path("ptb", "ptb.test.txt"), vocabulary), batch: 1, bptt: 35);
        Assert.True(test <= 116, $"test perplexity {test} (valid {result.ValidationPerplexity}, {result.TokensPerSecond:F0} tokens/s)");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void TinyShakespeareCharacters_ReachValidationLossAtMost146In30Minutes()
    {
        string text = File.ReadAllText(SharedData.Path("tinyshakespeare", "input.txt"));
        int split = (int)(text.Length * 0.9);
        var trainTokens = TextTokens.OfCorpus(new StringReader(text[..split]), TokenLevel.Character).ToList();
        var vocabulary = LanguageModelVocabulary.Build(trainTokens, TokenLevel.Character);
        int[] train = TextTokens.ToIds(trainTokens, vocabulary);
        int[] valid = TextTokens.ToIds(TextTokens.OfCorpus(new StringReader(text[split..]), TokenLevel.Character), vocabulary);
        var model = RecurrentLanguageModel.Create(vocabulary, new RecurrentLanguageModelOptions
        {
            Layers = 2, EmbeddingSize = 64, HiddenSize = 384, LayerDropout = 0.2f, OutputDropout = 0.2f, InitRange = 0f, Seed = 1,
        });
        var options = new LanguageModelTrainerOptions
        {
            BpttLength = 100, BatchSize = 32, Epochs = 1000, Optimizer = LanguageModelOptimizerKind.Adam, LearningRate = 2e-3f,
            DecayAfterEpoch = 1000, ClipNorm = 5f, EvaluationBatchSize = 10, Seed = 1,
        };
        using var budget = new CancellationTokenSource(TimeSpan.FromMinutes(30));
        try
        {
            new LanguageModelTrainer(options).Train(model, train, valid, null, budget.Token);
        }
        catch (OperationCanceledException)
        {
            // The time budget ends training; the parameters trained so far are evaluated.
        }
        var (perplexity, _) = model.Perplexity(valid, batch: 10, bptt: 100);
        Assert.True(Math.Log(perplexity) <= 1.46, $"validation loss {Math.Log(perplexity):F4} nats/char");
    }
}
