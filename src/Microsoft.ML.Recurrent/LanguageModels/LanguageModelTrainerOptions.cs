namespace Microsoft.ML.Recurrent.LanguageModels;

/// <summary>
/// How <see cref="LanguageModelTrainer"/> trains: truncated BPTT over a batchified token stream, as TensorFlow's
/// ptb_word_lm and PyTorch's word_language_model. Defaults are the "small" recipe of Zaremba et al. (2014).
/// </summary>
public sealed class LanguageModelTrainerOptions
{
    /// <summary>Default <see cref="BpttLength"/>.</summary>
    public const int DefaultBpttLength = 20;

    /// <summary>Default <see cref="BatchSize"/>.</summary>
    public const int DefaultBatchSize = 20;

    /// <summary>Default <see cref="Epochs"/>.</summary>
    public const int DefaultEpochs = 13;

    /// <summary>Steps of truncated back-propagation through time (window length T), ≥ 1. Default 20.</summary>
    public int BpttLength { get; init; } = DefaultBpttLength;

    /// <summary>Parallel streams B: the corpus is cut into B equal columns, each read in order. ≥ 1. Default 20.</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>Passes over the training tokens, ≥ 1. Default 13.</summary>
    public int Epochs { get; init; } = DefaultEpochs;

    /// <summary>Update rule. Default SGD.</summary>
    public LanguageModelOptimizerKind Optimizer { get; init; } = LanguageModelOptimizerKind.Sgd;

    /// <summary>
    /// Learning rate of the first epochs, &gt; 0. Default 1 (SGD on a loss summed over the T steps and averaged over
    /// the batch; on a per-token mean loss the same step is rate T = 20). Adam is usually run with 0.002.
    /// </summary>
    public float LearningRate { get; init; } = 1f;

    /// <summary>Factor applied to the rate once per epoch after <see cref="DecayAfterEpoch"/>, in (0, 1]. Default 0.5.</summary>
    public float LearningRateDecay { get; init; } = 0.5f;

    /// <summary>
    /// The rate of epoch e (1-based) is LearningRate · LearningRateDecay^max(0, e − DecayAfterEpoch). ≥ 0. Default 4
    /// (epochs 1-4 at the full rate, epoch 5 at half of it).
    /// </summary>
    public int DecayAfterEpoch { get; init; } = 4;

    /// <summary>
    /// Divide the rate by this factor after an epoch whose validation perplexity did not improve (PyTorch's
    /// word_language_model uses 4); 0 turns it off. 0 or ≥ 1. Default 0.
    /// </summary>
    public float PlateauDivisor { get; init; }

    /// <summary>Clip the global L2 norm of the gradient to this value; 0 turns it off. ≥ 0. Default 5.</summary>
    public float ClipNorm { get; init; } = 5f;

    /// <summary>Clamp every gradient element to [−v, v] (after norm clipping); 0 turns it off. ≥ 0. Default 0.</summary>
    public float ClipValue { get; init; }

    /// <summary>
    /// Stop when validation perplexity has not improved for this many epochs; 0 never stops early. Needs validation
    /// data. ≥ 0. Default 0.
    /// </summary>
    public int EarlyStoppingPatience { get; init; }

    /// <summary>At the end, restore the parameters of the epoch with the best validation perplexity (when validation
    /// data is given). Default true.</summary>
    public bool RestoreBest { get; init; } = true;

    /// <summary>Train on the first N training tokens only (a prefix, for quick runs); 0 uses all. ≥ 0. Default 0.</summary>
    public long MaxTokens { get; init; }

    /// <summary>Threads of the matrix multiplies and of the softmax, ≥ 1; 0 uses every core. Results are the same
    /// bits for any value. Default 0.</summary>
    public int Threads { get; init; }

    /// <summary>Seed of the dropout masks (each step's masks derive from the seed and the step number, so a resumed
    /// run draws the same masks). Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>Folder for checkpoints (created when missing); null writes none. Default null.</summary>
    public string? CheckpointFolder { get; init; }

    /// <summary>Write a checkpoint every this many steps (and at the end of every epoch); 0 only at epoch ends.
    /// ≥ 0. Default 0.</summary>
    public int CheckpointEverySteps { get; init; }

    /// <summary>Report progress every this many steps, ≥ 1. Default 100.</summary>
    public int ProgressEverySteps { get; init; } = 100;

    /// <summary>Windows per evaluation batch column count for validation, ≥ 1. Default 10 (as word_language_model).</summary>
    public int EvaluationBatchSize { get; init; } = 10;

    /// <summary>The recipe of Zaremba et al. (2014), "small": BPTT 20, batch 20, 13 epochs, SGD rate 1 halved every
    /// epoch after the 4th, clip norm 5 (use with <see cref="RecurrentLanguageModelOptions.PtbSmall"/>).</summary>
    public static LanguageModelTrainerOptions PtbSmall { get; } = new();

    /// <summary>Checks every value; throws naming the option, the value and the allowed range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        AtLeast(BpttLength, 1, nameof(BpttLength));
        AtLeast(BatchSize, 1, nameof(BatchSize));
        AtLeast(Epochs, 1, nameof(Epochs));
        AtLeast(DecayAfterEpoch, 0, nameof(DecayAfterEpoch));
        AtLeast(EarlyStoppingPatience, 0, nameof(EarlyStoppingPatience));
        AtLeast(Threads, 0, nameof(Threads));
        AtLeast(CheckpointEverySteps, 0, nameof(CheckpointEverySteps));
        AtLeast(ProgressEverySteps, 1, nameof(ProgressEverySteps));
        AtLeast(EvaluationBatchSize, 1, nameof(EvaluationBatchSize));
        if (MaxTokens < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxTokens), MaxTokens, "MaxTokens must be >= 0 (0 = all).");
        }
        if (!Enum.IsDefined(Optimizer))
        {
            throw new ArgumentOutOfRangeException(nameof(Optimizer), Optimizer, "Optimizer must be Sgd or Adam.");
        }
        if (!(LearningRate > 0f) || !float.IsFinite(LearningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "LearningRate must be finite and > 0.");
        }
        if (!(LearningRateDecay > 0f && LearningRateDecay <= 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRateDecay), LearningRateDecay, "LearningRateDecay must be in (0, 1].");
        }
        if (!(PlateauDivisor == 0f || PlateauDivisor >= 1f) || !float.IsFinite(PlateauDivisor))
        {
            throw new ArgumentOutOfRangeException(nameof(PlateauDivisor), PlateauDivisor, "PlateauDivisor must be 0 (off) or >= 1.");
        }
        if (!(ClipNorm >= 0f) || !float.IsFinite(ClipNorm))
        {
            throw new ArgumentOutOfRangeException(nameof(ClipNorm), ClipNorm, "ClipNorm must be finite and >= 0 (0 = off).");
        }
        if (!(ClipValue >= 0f) || !float.IsFinite(ClipValue))
        {
            throw new ArgumentOutOfRangeException(nameof(ClipValue), ClipValue, "ClipValue must be finite and >= 0 (0 = off).");
        }
    }

    /// <summary>The rate of epoch <paramref name="epoch"/> (1-based) before any plateau division.</summary>
    public float ScheduledRate(int epoch) =>
        (float)(LearningRate * Math.Pow(LearningRateDecay, Math.Max(0, epoch - DecayAfterEpoch)));

    private static void AtLeast(int value, int min, string name)
    {
        if (value < min)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least {min}.");
        }
    }
}
