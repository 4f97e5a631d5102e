namespace Microsoft.ML.Recurrent.LanguageModels;

/// <summary>Settings of <see cref="LstmLanguageModelEstimator"/>: the architecture, the recipe, the columns, and
/// where training reports progress.</summary>
public sealed class LstmLanguageModelOptions
{
    /// <summary>Token level of text input columns (vector-of-token columns are used as they are). Default word.</summary>
    public TokenLevel Level { get; init; } = TokenLevel.Word;

    /// <summary>The architecture (cell, layers, sizes, dropouts, tying). Default: Zaremba et al.'s small 2×200 LSTM.</summary>
    public RecurrentLanguageModelOptions Model { get; init; } = new();

    /// <summary>The recipe (BPTT, batch, epochs, optimizer, rate schedule, clipping, early stopping, checkpoints,
    /// threads). Default: Zaremba et al.'s small recipe.</summary>
    public LanguageModelTrainerOptions Trainer { get; init; } = new();

    /// <summary>Column names and prediction settings of the fitted transformer.</summary>
    public LstmLanguageModelColumns Columns { get; init; } = new();

    /// <summary>Validation rows (same input column) for per-epoch perplexity, best-epoch selection and early
    /// stopping; null for none. Default null.</summary>
    public IDataView? ValidationData { get; init; }

    /// <summary>Receives training progress (epoch, step, loss, perplexity, tokens/s, ETA); null for none. Default null.</summary>
    public IProgress<LanguageModelTrainingProgress>? Progress { get; init; }

    /// <summary>Cancels training between steps. Default none.</summary>
    public CancellationToken Cancellation { get; init; }
}
