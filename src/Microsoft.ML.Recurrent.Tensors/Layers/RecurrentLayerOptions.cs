namespace Microsoft.ML.Recurrent.Tensors.Layers;

/// <summary>Settings of <see cref="Lstm"/>, <see cref="Gru"/> and <see cref="Rnn"/>, named as torch.nn's arguments.</summary>
public sealed class RecurrentLayerOptions
{
    /// <summary>Features per input step (torch <c>input_size</c>). Required, ≥ 1.</summary>
    public required int InputSize { get; init; }

    /// <summary>Features of the hidden state (torch <c>hidden_size</c>). Required, ≥ 1.</summary>
    public required int HiddenSize { get; init; }

    /// <summary>Stacked layers (torch <c>num_layers</c>). Default 1.</summary>
    public int NumLayers { get; init; } = 1;

    /// <summary>Whether the layers have b_ih and b_hh (torch <c>bias</c>). Default true.</summary>
    public bool Bias { get; init; } = true;

    /// <summary>Dropout probability on the outputs of every layer but the last, in training (torch <c>dropout</c>).
    /// In [0, 1). Default 0.</summary>
    public float Dropout { get; init; }

    /// <summary>Whether each layer also runs backwards in time, outputs concatenated (torch <c>bidirectional</c>).
    /// Default false.</summary>
    public bool Bidirectional { get; init; }

    /// <summary>Nonlinearity of <see cref="Rnn"/> (torch <c>nonlinearity</c>; sigmoid is an extension). Default tanh.
    /// Ignored by LSTM and GRU.</summary>
    public Activation Nonlinearity { get; init; } = Activation.Tanh;

    /// <summary>Seed of the parameter initialization and of the dropout masks. Default 0.</summary>
    public int Seed { get; init; }

    internal void Validate()
    {
        if (InputSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(InputSize), InputSize, "InputSize must be at least 1.");
        }
        if (HiddenSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(HiddenSize), HiddenSize, "HiddenSize must be at least 1.");
        }
        if (NumLayers < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(NumLayers), NumLayers, "NumLayers must be at least 1.");
        }
        if (!(Dropout >= 0f && Dropout < 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(Dropout), Dropout, "Dropout must be in [0, 1).");
        }
    }
}
