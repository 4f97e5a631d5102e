namespace Microsoft.ML.Recurrent.LanguageModels;

/// <summary>The update rule of <see cref="LanguageModelTrainer"/>. Serialized by name in checkpoints.</summary>
public enum LanguageModelOptimizerKind
{
    /// <summary>Plain stochastic gradient descent (the recipe of Zaremba et al. 2014).</summary>
    Sgd = 0,

    /// <summary>Adam (Kingma and Ba 2015) with β1 0.9, β2 0.999, ε 1e-8, as torch.optim.Adam.</summary>
    Adam = 1,
}
