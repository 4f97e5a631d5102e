namespace Microsoft.ML.Recurrent.LanguageModels;

/// <summary>The recurrent cell of a <see cref="RecurrentLanguageModel"/>. Serialized by name in model files.</summary>
public enum RecurrentCellKind
{
    /// <summary>Long short-term memory (torch.nn.LSTM; gates i, f, g, o).</summary>
    Lstm = 0,

    /// <summary>Gated recurrent unit (torch.nn.GRU; gates r, z, n).</summary>
    Gru = 1,

    /// <summary>Elman network with tanh (torch.nn.RNN, nonlinearity='tanh').</summary>
    RnnTanh = 2,

    /// <summary>Elman network with the logistic sigmoid (an extension of torch.nn.RNN).</summary>
    RnnSigmoid = 3,
}
