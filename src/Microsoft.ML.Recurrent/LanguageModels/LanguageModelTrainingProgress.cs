namespace Microsoft.ML.Recurrent.LanguageModels;

/// <summary>What <see cref="LanguageModelTrainer"/> reports through <see cref="IProgress{T}"/>.</summary>
/// <param name="Epoch">Current epoch, 1-based.</param>
/// <param name="Epochs">Epochs planned.</param>
/// <param name="Step">Windows done in this epoch.</param>
/// <param name="StepsPerEpoch">Windows per epoch.</param>
/// <param name="Loss">Mean loss per token since the previous report, in nats.</param>
/// <param name="Perplexity">exp(<paramref name="Loss"/>).</param>
/// <param name="TokensPerSecond">Training tokens per second since the previous report.</param>
/// <param name="LearningRate">The current rate.</param>
/// <param name="Elapsed">Training time so far (this run; a resumed run starts again from 0).</param>
/// <param name="Remaining">Estimated time left for the planned epochs at the current speed (validation excluded).</param>
/// <param name="ValidationPerplexity">The validation perplexity at the end of the epoch; null inside an epoch or without validation.</param>
public sealed record LanguageModelTrainingProgress(
    int Epoch,
    int Epochs,
    int Step,
    int StepsPerEpoch,
    double Loss,
    double Perplexity,
    double TokensPerSecond,
    float LearningRate,
    TimeSpan Elapsed,
    TimeSpan Remaining,
    double? ValidationPerplexity);
