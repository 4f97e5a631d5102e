namespace Microsoft.ML.Recurrent.Tensors.Optimizers;

/// <summary>The update shared by <see cref="Adam"/> and <see cref="AdamW"/>, in torch 1.13's operation order.</summary>
internal sealed class AdamCore
{
    private readonly float _beta1, _beta2, _epsilon, _weightDecay;
    private readonly bool _amsgrad, _decoupled;
    private readonly Dictionary<int, long> _steps = new();

    public AdamCore(float beta1, float beta2, float epsilon, float weightDecay, bool amsgrad, bool decoupled)
    {
        if (!(beta1 >= 0f && beta1 < 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(beta1), beta1, "beta1 must be in [0, 1).");
        }
        if (!(beta2 >= 0f && beta2 < 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(beta2), beta2, "beta2 must be in [0, 1).");
        }
        if (!(epsilon >= 0f))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "epsilon must be >= 0.");
        }
        if (!(weightDecay >= 0f))
        {
            throw new ArgumentOutOfRangeException(nameof(weightDecay), weightDecay, "Weight decay must be >= 0.");
        }
        _beta1 = beta1;
        _beta2 = beta2;
        _epsilon = epsilon;
        _weightDecay = weightDecay;
        _amsgrad = amsgrad;
        _decoupled = decoupled;
    }

    public void Update(Optimizer owner, Span<float> p, ReadOnlySpan<float> g, int index, float lr)
    {
        // Slots: 0 = m, 1 = v, 2 = max v (AMSGrad).
        var m = owner.State(index, 0, 0f, out _);
        var v = owner.State(index, 1, 0f, out _);
        var vmax = _amsgrad ? owner.State(index, 2, 0f, out _) : default;
        long step = _steps.TryGetValue(index, out long s) ? s + 1 : 1;
        _steps[index] = step;
        float bc1 = 1f - MathF.Pow(_beta1, step);
        float bc2Sqrt = MathF.Sqrt(1f - MathF.Pow(_beta2, step));
        float stepSize = lr / bc1;
        float decay = _decoupled ? 1f - lr * _weightDecay : 1f;
        for (int i = 0; i < p.Length; i++)
        {
            float gi = g[i];
            if (_decoupled)
            {
                p[i] *= decay;
            }
            else if (_weightDecay != 0f)
            {
                gi += _weightDecay * p[i];
            }
            m[i] = _beta1 * m[i] + (1f - _beta1) * gi;
            v[i] = _beta2 * v[i] + (1f - _beta2) * gi * gi;
            float second = v[i];
            if (_amsgrad)
            {
                vmax[i] = MathF.Max(vmax[i], v[i]);
                second = vmax[i];
            }
            float denom = MathF.Sqrt(second) / bc2Sqrt + _epsilon;
            p[i] -= stepSize * (m[i] / denom);
        }
    }
}
