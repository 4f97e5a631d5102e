namespace Microsoft.ML.Recurrent.LanguageModels;

/// <summary>What a training run did.</summary>
/// <param name="Epochs">Epochs completed (fewer than planned after early stopping).</param>
/// <param name="TrainingTokens">Tokens trained on in this run (a resumed run counts from the resume point).</param>
/// <param name="TrainingSeconds">Wall-clock seconds spent in training steps (validation excluded).</param>
/// <param name="TokensPerSecond"><paramref name="TrainingTokens"/> / <paramref name="TrainingSeconds"/>.</param>
/// <param name="TrainingPerplexity">Perplexity over the last epoch's training windows.</param>
/// <param name="ValidationPerplexity">Validation perplexity of the returned parameters; null without validation data.</param>
/// <param name="StoppedEarly">True when early stopping ended the run.</param>
public sealed record LanguageModelTrainingResult(
    int Epochs,
    long TrainingTokens,
    double TrainingSeconds,
    double TokensPerSecond,
    double TrainingPerplexity,
    double? ValidationPerplexity,
    bool StoppedEarly);
