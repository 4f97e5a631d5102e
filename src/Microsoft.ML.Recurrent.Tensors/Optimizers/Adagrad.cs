namespace Microsoft.ML.Recurrent.Tensors.Optimizers;

/// <summary>
/// Adagrad (Duchi et al. 2011) as torch.optim.Adagrad: s = s + g², p = p - clr·g/(√s + ε) with the decayed rate
/// clr = lr / (1 + (t-1)·lr_decay); weight decay is added to the gradient.
/// </summary>
public sealed class Adagrad : Optimizer
{
    private readonly float _learningRateDecay, _weightDecay, _initialAccumulator, _epsilon;
    private readonly Dictionary<int, long> _steps = new();

    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameters">Parameters to update.</param>
    /// <param name="learningRate">lr; default 1e-2.</param>
    /// <param name="learningRateDecay">lr_decay ≥ 0; default 0.</param>
    /// <param name="weightDecay">L2 penalty added to the gradient; default 0.</param>
    /// <param name="initialAccumulatorValue">Starting value of s, ≥ 0; default 0.</param>
    /// <param name="epsilon">ε; default 1e-10 (as torch).</param>
    public Adagrad(IEnumerable<Tensor> parameters, float learningRate = 1e-2f, float learningRateDecay = 0f,
        float weightDecay = 0f, float initialAccumulatorValue = 0f, float epsilon = 1e-10f)
        : base(parameters, learningRate, 1)
    {
        if (!(learningRateDecay >= 0f))
        {
            throw new ArgumentOutOfRangeException(nameof(learningRateDecay), learningRateDecay, "lr_decay must be >= 0.");
        }
        if (!(initialAccumulatorValue >= 0f))
        {
            throw new ArgumentOutOfRangeException(nameof(initialAccumulatorValue), initialAccumulatorValue, "The initial accumulator must be >= 0.");
        }
        _learningRateDecay = learningRateDecay;
        _weightDecay = weightDecay;
        _initialAccumulator = initialAccumulatorValue;
        _epsilon = epsilon;
    }

    private protected override void Update(Span<float> p, ReadOnlySpan<float> g, int index)
    {
        var sum = State(index, 0, _initialAccumulator, out _);
        long step = _steps.TryGetValue(index, out long s) ? s + 1 : 1;
        _steps[index] = step;
        float clr = LearningRate / (1f + (step - 1) * _learningRateDecay);
        for (int i = 0; i < p.Length; i++)
        {
            float gi = _weightDecay != 0f ? g[i] + _weightDecay * p[i] : g[i];
            sum[i] += gi * gi;
            p[i] -= clr * (gi / (MathF.Sqrt(sum[i]) + _epsilon));
        }
    }
}
