namespace Microsoft.ML.Recurrent.Translation;

/// <summary>The optimizer of <see cref="Seq2SeqTrainer"/>. Serialized by name.</summary>
public enum Seq2SeqOptimizerKind
{
    /// <summary>Adam (Kingma and Ba 2015), β = (0.9, 0.999).</summary>
    Adam = 0,

    /// <summary>Plain stochastic gradient descent.</summary>
    Sgd = 1,
}
