namespace Microsoft.ML.Recurrent.Tensors.Optimizers;

/// <summary>
/// RMSprop (Hinton's lecture 6e) as torch.optim.RMSprop: s = α·s + (1-α)·g²; centered subtracts the squared running
/// mean of g; with momentum b = μ·b + g/(√s + ε), p = p - lr·b, else p = p - lr·g/(√s + ε).
/// </summary>
public sealed class RmsProp : Optimizer
{
    private readonly float _alpha, _epsilon, _weightDecay, _momentum;
    private readonly bool _centered;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameters">Parameters to update.</param>
    /// <param name="learningRate">lr; default 1e-2 (as torch).</param>
    /// <param name="alpha">Smoothing α in [0, 1]; default 0.99.</param>
    /// <param name="epsilon">ε; default 1e-8.</param>
    /// <param name="weightDecay">L2 penalty added to the gradient; default 0.</param>
    /// <param name="momentum">μ ≥ 0; default 0.</param>
    /// <param name="centered">Normalize by the estimated variance instead of the second moment; default false.</param>
    public RmsProp(IEnumerable<Tensor> parameters, float learningRate = 1e-2f, float alpha = 0.99f, float epsilon = 1e-8f,
        float weightDecay = 0f, float momentum = 0f, bool centered = false)
        : base(parameters, learningRate, 3)
    {
        if (!(alpha >= 0f && alpha <= 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must be in [0, 1].");
        }
        if (!(momentum >= 0f))
        {
            throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "Momentum must be >= 0.");
        }
        _alpha = alpha;
        _epsilon = epsilon;
        _weightDecay = weightDecay;
        _momentum = momentum;
        _centered = centered;
    }

    private protected override void Update(Span<float> p, ReadOnlySpan<float> g, int index)
    {
        var square = State(index, 0, 0f, out _);
        var mean = _centered ? State(index, 1, 0f, out _) : default;
        var buffer = _momentum > 0f ? State(index, 2, 0f, out _) : default;
        float lr = LearningRate;
        for (int i = 0; i < p.Length; i++)
        {
            float gi = _weightDecay != 0f ? g[i] + _weightDecay * p[i] : g[i];
            square[i] = _alpha * square[i] + (1f - _alpha) * gi * gi;
            float avg;
            if (_centered)
            {
                mean[i] = _alpha * mean[i] + (1f - _alpha) * gi;
                avg = MathF.Sqrt(square[i] - mean[i] * mean[i]) + _epsilon;
            }
            else
            {
                avg = MathF.Sqrt(square[i]) + _epsilon;
            }
            if (_momentum > 0f)
            {
                buffer[i] = _momentum * buffer[i] + gi / avg;
                p[i] -= lr * buffer[i];
            }
            else
            {
                p[i] -= lr * (gi / avg);
            }
        }
    }
}
