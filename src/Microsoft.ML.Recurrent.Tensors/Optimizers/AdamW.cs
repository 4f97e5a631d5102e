namespace Microsoft.ML.Recurrent.Tensors.Optimizers;

/// <summary>
/// AdamW (Loshchilov and Hutter 2019) as torch.optim.AdamW: the weight decay is decoupled from the gradient,
/// p = p·(1 - lr·λ) before the Adam update.
/// </summary>
public sealed class AdamW : Optimizer
{
    private readonly AdamCore _core;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameters">Parameters to update.</param>
    /// <param name="learningRate">lr; default 1e-3.</param>
    /// <param name="beta1">β1; default 0.9.</param>
    /// <param name="beta2">β2; default 0.999.</param>
    /// <param name="epsilon">ε; default 1e-8.</param>
    /// <param name="weightDecay">Decoupled decay λ; default 0.01 (as torch).</param>
    /// <param name="amsgrad">Use the maximum of past second moments; default false.</param>
    public AdamW(IEnumerable<Tensor> parameters, float learningRate = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f,
        float epsilon = 1e-8f, float weightDecay = 0.01f, bool amsgrad = false)
        : base(parameters, learningRate, 4)
    {
        _core = new AdamCore(beta1, beta2, epsilon, weightDecay, amsgrad, decoupled: true);
    }

    private protected override void Update(Span<float> p, ReadOnlySpan<float> g, int index) =>
        _core.Update(this, p, g, index, LearningRate);
}
