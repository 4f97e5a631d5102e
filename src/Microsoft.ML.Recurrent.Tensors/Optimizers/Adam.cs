namespace Microsoft.ML.Recurrent.Tensors.Optimizers;

/// <summary>
/// Adam (Kingma and Ba 2015) as torch.optim.Adam: m = β1·m + (1-β1)·g, v = β2·v + (1-β2)·g²,
/// p = p - lr/(1-β1ᵗ) · m / (√v/√(1-β2ᵗ) + ε); weight decay is added to the gradient (L2), and AMSGrad uses the
/// running maximum of v. For decoupled weight decay use <see cref="AdamW"/>.
/// </summary>
public sealed class Adam : Optimizer
{
    private readonly AdamCore _core;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameters">Parameters to update.</param>
    /// <param name="learningRate">lr; default 1e-3.</param>
    /// <param name="beta1">β1 in [0, 1); default 0.9.</param>
    /// <param name="beta2">β2 in [0, 1); default 0.999.</param>
    /// <param name="epsilon">ε &gt; 0; default 1e-8.</param>
    /// <param name="weightDecay">L2 penalty added to the gradient; default 0.</param>
    /// <param name="amsgrad">Use the maximum of past second moments; default false.</param>
    public Adam(IEnumerable<Tensor> parameters, float learningRate = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f,
        float epsilon = 1e-8f, float weightDecay = 0f, bool amsgrad = false)
        : base(parameters, learningRate, 4)
    {
        _core = new AdamCore(beta1, beta2, epsilon, weightDecay, amsgrad, decoupled: false);
    }

    private protected override void Update(Span<float> p, ReadOnlySpan<float> g, int index) =>
        _core.Update(this, p, g, index, LearningRate);
}
