namespace Microsoft.ML.Recurrent.LanguageModels;

/// <summary>
/// The architecture of a <see cref="RecurrentLanguageModel"/>: Embedding → recurrent stack → Linear, as the
/// <c>RNNModel</c> of PyTorch's word_language_model example.
/// </summary>
public sealed class RecurrentLanguageModelOptions
{
    /// <summary>Default <see cref="Layers"/>.</summary>
    public const int DefaultLayers = 2;

    /// <summary>Default <see cref="EmbeddingSize"/> and <see cref="HiddenSize"/>.</summary>
    public const int DefaultSize = 200;

    /// <summary>Default <see cref="InitRange"/>.</summary>
    public const float DefaultInitRange = 0.1f;

    /// <summary>The recurrent cell. Default LSTM.</summary>
    public RecurrentCellKind Cell { get; init; } = RecurrentCellKind.Lstm;

    /// <summary>Stacked recurrent layers, ≥ 1. Default 2.</summary>
    public int Layers { get; init; } = DefaultLayers;

    /// <summary>Features of a token embedding, ≥ 1. Default 200.</summary>
    public int EmbeddingSize { get; init; } = DefaultSize;

    /// <summary>Features of each layer's hidden state, ≥ 1. Default 200.</summary>
    public int HiddenSize { get; init; } = DefaultSize;

    /// <summary>Dropout probability on the embeddings, in training; in [0, 1). Default 0.</summary>
    public float EmbeddingDropout { get; init; }

    /// <summary>Dropout probability between recurrent layers, in training; in [0, 1). Default 0.</summary>
    public float LayerDropout { get; init; }

    /// <summary>Dropout probability on the last layer's output before the decoder, in training; in [0, 1). Default 0.</summary>
    public float OutputDropout { get; init; }

    /// <summary>
    /// Share one matrix between the encoder and the decoder (Press and Wolf 2017; Inan et al. 2017): needs
    /// <see cref="EmbeddingSize"/> = <see cref="HiddenSize"/>. Default false.
    /// </summary>
    public bool TieWeights { get; init; }

    /// <summary>
    /// Every parameter starts uniform in [-r, r] (Zaremba et al. 2014 use 0.1 for the small model, 0.05 for the
    /// medium one); 0 keeps torch.nn's default initializations. Default 0.1.
    /// </summary>
    public float InitRange { get; init; } = DefaultInitRange;

    /// <summary>Seed of the initialization. Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// The "small" model of Zaremba, Sutskever and Vinyals (2014), "Recurrent neural network regularization":
    /// 2×200 LSTM, no dropout, init ±0.1 (PTB test perplexity 114.5 after 13 epochs).
    /// </summary>
    public static RecurrentLanguageModelOptions PtbSmall { get; } = new();

    /// <summary>Checks every value; throws naming the option, the value and the allowed range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    /// <exception cref="ArgumentException">Tied weights with different embedding and hidden sizes.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Cell))
        {
            throw new ArgumentOutOfRangeException(nameof(Cell), Cell, "Cell must be Lstm, Gru, RnnTanh or RnnSigmoid.");
        }
        Positive(Layers, nameof(Layers));
        Positive(EmbeddingSize, nameof(EmbeddingSize));
        Positive(HiddenSize, nameof(HiddenSize));
        Probability(EmbeddingDropout, nameof(EmbeddingDropout));
        Probability(LayerDropout, nameof(LayerDropout));
        Probability(OutputDropout, nameof(OutputDropout));
        if (!(InitRange >= 0f) || !float.IsFinite(InitRange))
        {
            throw new ArgumentOutOfRangeException(nameof(InitRange), InitRange, "InitRange must be finite and >= 0 (0 = torch's default initialization).");
        }
        if (TieWeights && EmbeddingSize != HiddenSize)
        {
            throw new ArgumentException(
                $"TieWeights needs EmbeddingSize = HiddenSize (the decoder reuses the embedding matrix); got EmbeddingSize {EmbeddingSize}, HiddenSize {HiddenSize}.",
                nameof(TieWeights));
        }
    }

    private static void Positive(int value, string name)
    {
        if (value < 1)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least 1.");
        }
    }

    private static void Probability(float value, string name)
    {
        if (!(value >= 0f && value < 1f))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [0, 1).");
        }
    }
}
