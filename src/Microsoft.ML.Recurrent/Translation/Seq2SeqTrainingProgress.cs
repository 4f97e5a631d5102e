namespace Microsoft.ML.Recurrent.Translation;

/// <summary>A training report, sent after every 10 batches and at the end of every epoch.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="Batch">Batches done in this epoch.</param>
/// <param name="BatchesPerEpoch">Batches in an epoch.</param>
/// <param name="TrainLoss">Mean cross-entropy per target token (nats) over the batches of this epoch so far.</param>
/// <param name="ValidationLoss">Validation cross-entropy per token at the end of the epoch; null mid-epoch or without a validation set.</param>
/// <param name="Elapsed">Wall-clock time since training started.</param>
/// <param name="TokensPerSecond">Target tokens trained on per second in this epoch.</param>
/// <param name="IsEpochEnd">True for the end-of-epoch report.</param>
public sealed record Seq2SeqTrainingProgress(int Epoch, int Batch, int BatchesPerEpoch, double TrainLoss, double? ValidationLoss,
    TimeSpan Elapsed, double TokensPerSecond, bool IsEpochEnd)
{
    /// <inheritdoc/>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"epoch {Epoch} batch {Batch}/{BatchesPerEpoch} train loss {TrainLoss:F4}{(ValidationLoss is { } v ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" valid loss {v:F4}") : "")} {TokensPerSecond:F0} tok/s {Elapsed.TotalSeconds:F1} s");
}
