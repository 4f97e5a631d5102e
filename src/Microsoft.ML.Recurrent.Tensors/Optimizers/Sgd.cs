using System.Numerics.Tensors;

namespace Microsoft.ML.Recurrent.Tensors.Optimizers;

/// <summary>
/// Stochastic gradient descent as torch.optim.SGD: with weight decay d = g + λ·p; with momentum
/// b = μ·b + (1 - dampening)·d (b = d on the first step), then d = d + μ·b (Nesterov) or d = b; p = p - lr·d.
/// </summary>
public sealed class Sgd : Optimizer
{
    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameters">Parameters to update.</param>
    /// <param name="learningRate">lr, ≥ 0 (required, as in torch).</param>
    /// <param name="momentum">μ ≥ 0; default 0 (none).</param>
    /// <param name="dampening">Dampening of the momentum; default 0.</param>
    /// <param name="weightDecay">L2 penalty λ ≥ 0 added to the gradient; default 0.</param>
    /// <param name="nesterov">Nesterov momentum (needs momentum &gt; 0 and dampening 0); default false.</param>
    /// <exception cref="ArgumentException">An argument is out of range or Nesterov is asked without momentum.</exception>
    public Sgd(IEnumerable<Tensor> parameters, float learningRate, float momentum = 0f, float dampening = 0f,
        float weightDecay = 0f, bool nesterov = false)
        : base(parameters, learningRate, 2)
    {
        if (!(momentum >= 0f))
        {
            throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "Momentum must be >= 0.");
        }
        if (!(weightDecay >= 0f))
        {
            throw new ArgumentOutOfRangeException(nameof(weightDecay), weightDecay, "Weight decay must be >= 0.");
        }
        if (nesterov && (momentum <= 0f || dampening != 0f))
        {
            throw new ArgumentException($"Nesterov momentum requires momentum > 0 and dampening 0; got momentum {momentum}, dampening {dampening}.", nameof(nesterov));
        }
        Momentum = momentum;
        Dampening = dampening;
        WeightDecay = weightDecay;
        Nesterov = nesterov;
    }

    /// <summary>μ.</summary>
    public float Momentum { get; }

    /// <summary>Dampening.</summary>
    public float Dampening { get; }

    /// <summary>λ.</summary>
    public float WeightDecay { get; }

    /// <summary>Whether momentum is Nesterov's.</summary>
    public bool Nesterov { get; }

    private protected override void Update(Span<float> p, ReadOnlySpan<float> g, int index)
    {
        float lr = LearningRate;
        if (WeightDecay == 0f && Momentum == 0f)
        {
            TensorPrimitives.MultiplyAdd(g, -lr, p, p);      // the common case: one vectorized pass
            return;
        }
        var d = State(index, 0, 0f, out _);
        if (WeightDecay != 0f)
        {
            TensorPrimitives.MultiplyAdd(p, WeightDecay, g, d);
        }
        else
        {
            g.CopyTo(d);
        }
        if (Momentum != 0f)
        {
            var b = State(index, 1, 0f, out bool first);
            if (first)
            {
                d.CopyTo(b);
            }
            else
            {
                TensorPrimitives.Multiply(b, Momentum, b);
                TensorPrimitives.MultiplyAdd(d, 1f - Dampening, b, b);
            }
            if (Nesterov)
            {
                TensorPrimitives.MultiplyAdd(b, Momentum, d, d);
            }
            else
            {
                b.CopyTo(d);
            }
        }
        TensorPrimitives.MultiplyAdd(d, -lr, p, p);
    }
}
