namespace Microsoft.ML.Recurrent.Translation;

/// <summary>The recurrent cell of the encoder and the decoder. Serialized by name in model.zip.</summary>
public enum RecurrentCellKind
{
    /// <summary>Long short-term memory (gates i, f, g, o), as torch.nn.LSTM.</summary>
    Lstm = 0,

    /// <summary>Gated recurrent unit (gates r, z, n), as torch.nn.GRU.</summary>
    Gru = 1,
}
