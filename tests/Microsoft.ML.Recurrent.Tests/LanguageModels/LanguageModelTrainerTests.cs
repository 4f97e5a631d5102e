using Microsoft.ML.Recurrent.LanguageModels;

namespace Microsoft.ML.Recurrent.Tests.LanguageModels;

public sealed class LanguageModelTrainerTests
{
    [Theory]
    [InlineData(RecurrentCellKind.Lstm)]
    [InlineData(RecurrentCellKind.Gru)]
    [InlineData(RecurrentCellKind.RnnTanh)]
    [InlineData(RecurrentCellKind.RnnSigmoid)]
    public void Training_LowersPerplexity_OnRepetitiveCorpus(RecurrentCellKind cell)
    {
        var (vocabulary, ids) = ToyCorpus.Build(40);
        var model = RecurrentLanguageModel.Create(vocabulary, ToyCorpus.Tiny(cell));
        var (before, _) = model.Perplexity(ids, batch: 2, bptt: 5);
        var result = new LanguageModelTrainer(ToyCorpus.Recipe(epochs: 6)).Train(model, ids);
        var (after, _) = model.Perplexity(ids, batch: 2, bptt: 5);
        // Uniform over 14 tokens is perplexity 14; the corpus has about 1.5 choices per token.
        Assert.True(before > 10, $"untrained perplexity {before}");
        Assert.True(after < before / 3, $"perplexity {before} -> {after} (train {result.TrainingPerplexity})");
    }

    [Fact]
    public void SameSeed_GivesBitIdenticalParameters_AndThreadCountDoesNotMatter()
    {
        var (vocabulary, ids) = ToyCorpus.Build(10);
        float[] Run(int threads)
        {
            var model = RecurrentLanguageModel.Create(vocabulary, ToyCorpus.Tiny(dropout: 0.2f));
            var recipe = ToyCorpus.Recipe(2);
            new LanguageModelTrainer(new LanguageModelTrainerOptions
            {
                BpttLength = recipe.BpttLength, BatchSize = recipe.BatchSize, Epochs = 2, LearningRate = 0.5f,
                Threads = threads, Seed = 9, EvaluationBatchSize = 2,
            }).Train(model, ids);
            return ToyCorpus.Snapshot(model);
        }
        var a = Run(1);
        var b = Run(1);
        var c = Run(2);
        Assert.Equal(a, b);
        Assert.Equal(a, c);
    }

    [Fact]
    public void EmptyCorpus_FailsNamingTheSizes()
    {
        var (vocabulary, _) = ToyCorpus.Build(1);
        var model = RecurrentLanguageModel.Create(vocabulary, ToyCorpus.Tiny());
        var e = Assert.Throws<ArgumentException>(() => new LanguageModelTrainer(ToyCorpus.Recipe()).Train(model, []));
        Assert.Contains("0 tokens", e.Message);
    }

    [Fact]
    public void CorpusShorterThanOneWindow_FailsSayingWhatIsNeeded()
    {
        var (vocabulary, ids) = ToyCorpus.Build(1);   // 26 tokens; batch 4 × (BPTT 5 + 1) = 24 fit, 3 × 8... use a larger window
        var model = RecurrentLanguageModel.Create(vocabulary, ToyCorpus.Tiny());
        var options = new LanguageModelTrainerOptions { BpttLength = 10, BatchSize = 4 };
        var e = Assert.Throws<ArgumentException>(() => new LanguageModelTrainer(options).Train(model, ids));
        Assert.Contains($"{ids.Length} tokens", e.Message);
        Assert.Contains("44 are needed", e.Message);
    }

    [Fact]
    public void IdOutsideVocabulary_FailsNamingThePosition()
    {
        var (vocabulary, ids) = ToyCorpus.Build(5);
        ids[7] = vocabulary.Count + 3;
        var model = RecurrentLanguageModel.Create(vocabulary, ToyCorpus.Tiny());
        var e = Assert.Throws<ArgumentException>(() => new LanguageModelTrainer(ToyCorpus.Recipe()).Train(model, ids));
        Assert.Contains("position 7", e.Message);
    }

    [Fact]
    public void Divergence_StopsWithClearMessage_AndKeepsLastGoodCheckpoint()
    {
        var (vocabulary, ids) = ToyCorpus.Build(20);
        var folder = Directory.CreateTempSubdirectory("lm-diverge").FullName;
        try
        {
            var model = RecurrentLanguageModel.Create(vocabulary, ToyCorpus.Tiny());
            // A rate near float's range: the first update makes weights ~1e37, the next logits overflow to ∞ and the loss to NaN.
            var options = new LanguageModelTrainerOptions
            {
                BpttLength = 5, BatchSize = 4, Epochs = 50, LearningRate = 3e37f, ClipNorm = 0f,
                CheckpointFolder = folder, CheckpointEverySteps = 1,
            };
            var e = Assert.Throws<TrainingDivergedException>(() => new LanguageModelTrainer(options).Train(model, ids));
            Assert.Contains("diverged", e.Message);
            Assert.Contains("last good checkpoint", e.Message);
            var checkpoint = LanguageModelCheckpoint.Load(folder);
            Assert.All(ToyCorpus.Snapshot(checkpoint.Model), v => Assert.True(float.IsFinite(v)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(LanguageModelOptimizerKind.Sgd, 0f)]
    [InlineData(LanguageModelOptimizerKind.Adam, 0.2f)]
    public void RunInterruptedMidEpoch_ResumesToTheSameBits(LanguageModelOptimizerKind optimizer, float dropout)
    {
        var (vocabulary, ids) = ToyCorpus.Build(12);
        var (validVocabulary, valid) = (vocabulary, ids[..60]);
        _ = validVocabulary;
        LanguageModelTrainerOptions Options(string? folder) => new()
        {
            BpttLength = 5, BatchSize = 4, Epochs = 3, Optimizer = optimizer,
            LearningRate = optimizer == LanguageModelOptimizerKind.Adam ? 0.01f : 0.5f, DecayAfterEpoch = 1,
            Seed = 4, CheckpointFolder = folder, CheckpointEverySteps = 3, EvaluationBatchSize = 2, PlateauDivisor = 2f,
        };
        var reference = RecurrentLanguageModel.Create(vocabulary, ToyCorpus.Tiny(dropout: dropout));
        var full = new LanguageModelTrainer(Options(null)).Train(reference, ids, valid);

        var folder = Directory.CreateTempSubdirectory("lm-resume").FullName;
        try
        {
            var interrupted = RecurrentLanguageModel.Create(vocabulary, ToyCorpus.Tiny(dropout: dropout));
            using var cancel = new CancellationTokenSource();
            int reports = 0;
            var progress = new SynchronousProgress(_ =>
            {
                if (++reports == 2)
                {
                    cancel.Cancel();     // during epoch 2: the last checkpoint is mid-epoch or at epoch 1's end
                }
            });
            var options = Options(folder);
            var withProgress = new LanguageModelTrainerOptions
            {
                BpttLength = options.BpttLength, BatchSize = options.BatchSize, Epochs = options.Epochs, Optimizer = options.Optimizer,
                LearningRate = options.LearningRate, DecayAfterEpoch = options.DecayAfterEpoch, Seed = options.Seed,
                CheckpointFolder = folder, CheckpointEverySteps = options.CheckpointEverySteps, EvaluationBatchSize = 2,
                PlateauDivisor = 2f, ProgressEverySteps = 4,
            };
            Assert.ThrowsAny<OperationCanceledException>(() =>
                new LanguageModelTrainer(withProgress).Train(interrupted, ids, valid, progress, cancel.Token));

            var checkpoint = LanguageModelCheckpoint.Load(folder);
            Assert.True(checkpoint.GlobalStep > 0);
            var resumed = new LanguageModelTrainer(Options(folder)).Resume(checkpoint, ids, valid);
            Assert.Equal(ToyCorpus.Snapshot(reference), ToyCorpus.Snapshot(checkpoint.Model));
            Assert.Equal(full.ValidationPerplexity, resumed.ValidationPerplexity);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void EarlyStopping_StopsAfterPatience_AndRestoresBest()
    {
        var (vocabulary, ids) = ToyCorpus.Build(20);
        var model = RecurrentLanguageModel.Create(vocabulary, ToyCorpus.Tiny());
        // A rate so large that validation cannot keep improving; patience 1 stops at the first bad epoch.
        var options = new LanguageModelTrainerOptions
        {
            BpttLength = 5, BatchSize = 4, Epochs = 30, LearningRate = 0.5f, DecayAfterEpoch = 100,
            EarlyStoppingPatience = 1, EvaluationBatchSize = 2,
        };
        var result = new LanguageModelTrainer(options).Train(model, ids, ids[..100]);
        Assert.NotNull(result.ValidationPerplexity);
        var (restored, _) = model.Perplexity(ids[..100], batch: 2, bptt: 5);
        Assert.Equal(result.ValidationPerplexity!.Value, restored, 6);
        Assert.True(result.StoppedEarly || result.Epochs == 30);
    }

    [Fact]
    public void Progress_ReportsEpochStepLossSpeedAndEta()
    {
        var (vocabulary, ids) = ToyCorpus.Build(20);
        var model = RecurrentLanguageModel.Create(vocabulary, ToyCorpus.Tiny());
        var reports = new List<LanguageModelTrainingProgress>();
        var options = new LanguageModelTrainerOptions { BpttLength = 5, BatchSize = 4, Epochs = 2, LearningRate = 0.5f, ProgressEverySteps = 2, EvaluationBatchSize = 2 };
        var ml = new MLContext(1);
        var log = new List<string>();
        ml.Log += (_, e) => log.Add(e.Message);
        new LanguageModelTrainer(options, ml).Train(model, ids, ids[..60], new SynchronousProgress(reports.Add));
        Assert.Contains(reports, r => r.Step == 2 && r.Epoch == 1 && r.TokensPerSecond > 0 && r.Perplexity > 1);
        Assert.Contains(reports, r => r.Epoch == 2 && r.ValidationPerplexity is > 1);
        Assert.Contains(log, m => m.Contains("valid ppl"));
    }

    private sealed class SynchronousProgress(Action<LanguageModelTrainingProgress> action) : IProgress<LanguageModelTrainingProgress>
    {
        public void Report(LanguageModelTrainingProgress value) => action(value);
    }
}
