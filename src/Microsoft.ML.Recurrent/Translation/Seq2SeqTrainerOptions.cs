namespace Microsoft.ML.Recurrent.Translation;

/// <summary>How <see cref="Seq2SeqTrainer"/> trains: batches, optimizer, clipping, epochs, early stopping, seed.</summary>
public sealed class Seq2SeqTrainerOptions
{
    /// <summary>Passes over the training pairs, ≥ 1. Default 10.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Sentence pairs per batch, ≥ 1. Default 64.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>
    /// Batches whose pairs are sorted by source length together (length bucketing: less padding), ≥ 1; the batches are
    /// shuffled afterwards. Default 50.
    /// </summary>
    public int BucketBatches { get; init; } = 50;

    /// <summary>Optimizer. Default Adam.</summary>
    public Seq2SeqOptimizerKind Optimizer { get; init; } = Seq2SeqOptimizerKind.Adam;

    /// <summary>Learning rate, &gt; 0. Default 0.001 (Adam's usual).</summary>
    public float LearningRate { get; init; } = 1e-3f;

    /// <summary>Maximum global L2 norm of the gradient (torch clip_grad_norm_), &gt; 0; null for none. Default 1 (bentrevett).</summary>
    public float? ClipNorm { get; init; } = 1f;

    /// <summary>
    /// Probability that a decoder step is fed the reference's previous token rather than the model's own guess, in [0, 1].
    /// Default 1 (always teacher forcing; bentrevett uses 0.5).
    /// </summary>
    public float TeacherForcingRatio { get; init; } = 1f;

    /// <summary>
    /// Early stopping: training ends after this many epochs without a better validation loss, and the parameters of
    /// the best epoch are kept; ≥ 1. Only with a validation set. Default 3.
    /// </summary>
    public int Patience { get; init; } = 3;

    /// <summary>
    /// Stops after the batch that exceeds this wall-clock time (the epoch's validation still runs); null for no limit.
    /// A time limit makes the number of steps depend on the machine, so runs are reproducible only without one.
    /// Default null.
    /// </summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>Seed of the batch order and teacher forcing draws. Default 1.</summary>
    public int Seed { get; init; } = 1;

    internal void Validate()
    {
        Check(Epochs >= 1, nameof(Epochs), Epochs, "at least 1");
        Check(BatchSize >= 1, nameof(BatchSize), BatchSize, "at least 1");
        Check(BucketBatches >= 1, nameof(BucketBatches), BucketBatches, "at least 1");
        Check(LearningRate > 0f && float.IsFinite(LearningRate), nameof(LearningRate), LearningRate, "finite and > 0");
        Check(ClipNorm is null || ClipNorm > 0f, nameof(ClipNorm), ClipNorm ?? 0f, "> 0 or null");
        Check(TeacherForcingRatio >= 0f && TeacherForcingRatio <= 1f, nameof(TeacherForcingRatio), TeacherForcingRatio, "in [0, 1]");
        Check(Patience >= 1, nameof(Patience), Patience, "at least 1");
        Check(TimeLimit is null || TimeLimit > TimeSpan.Zero, nameof(TimeLimit), TimeLimit ?? TimeSpan.Zero, "> 0 or null");
        Check(Enum.IsDefined(Optimizer), nameof(Optimizer), Optimizer, "Adam or Sgd");
    }

    private static void Check(bool ok, string name, object value, string expected)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, value, $"Seq2SeqTrainerOptions.{name} is {value}; expected {expected}.");
        }
    }
}
