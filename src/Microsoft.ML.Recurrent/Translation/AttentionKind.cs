namespace Microsoft.ML.Recurrent.Translation;

/// <summary>How the decoder looks at the encoder states. Serialized by name in model.zip.</summary>
public enum AttentionKind
{
    /// <summary>No attention: the encoder's final state is the one context vector of every step (Cho et al. 2014).</summary>
    None = 0,

    /// <summary>Additive attention, score vᵀ tanh(W_k h_s + W_q s_{t-1}), before the decoder step (Bahdanau et al. 2015).</summary>
    Bahdanau = 1,

    /// <summary>Multiplicative attention, score h_tᵀ h_s, after the decoder step, with input feeding (Luong et al. 2015).</summary>
    LuongDot = 2,

    /// <summary>Multiplicative attention, score h_tᵀ W_a h_s, after the decoder step, with input feeding (Luong et al. 2015).</summary>
    LuongGeneral = 3,
}
