namespace Microsoft.ML.Recurrent.Tensors.Optimizers;

/// <summary>
/// Updates parameters from their gradients (torch.optim semantics). Parameters without a gradient are skipped;
/// per-parameter state is created on the first step and reused, so steps allocate nothing after the first.
/// </summary>
public abstract class Optimizer
{
    private readonly Tensor[] _parameters;
    private readonly Tensor?[][] _state;

    /// <summary>Creates an optimizer over <paramref name="parameters"/> with <paramref name="stateBuffers"/> buffers each.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The learning rate is negative or not finite.</exception>
    private protected Optimizer(IEnumerable<Tensor> parameters, float learningRate, int stateBuffers)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _parameters = parameters.ToArray();
        _state = new Tensor?[_parameters.Length][];
        for (int i = 0; i < _state.Length; i++)
        {
            _state[i] = new Tensor?[stateBuffers];
        }
        LearningRate = learningRate;
    }

    /// <summary>The learning rate used by the next <see cref="Step"/> (schedules change it).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative or not finite.</exception>
    public float LearningRate
    {
        get;
        set
        {
            if (!(value >= 0f) || !float.IsFinite(value))
            {
                throw new ArgumentOutOfRangeException(nameof(LearningRate), value, "The learning rate must be finite and >= 0.");
            }
            field = value;
        }
    }

    /// <summary>The parameters being optimized.</summary>
    public IReadOnlyList<Tensor> Parameters => _parameters;

    /// <summary>Number of <see cref="Step"/> calls so far.</summary>
    public long StepCount { get; private set; }

    /// <summary>Applies one update to every parameter that has a gradient.</summary>
    public void Step()
    {
        StepCount++;
        for (int i = 0; i < _parameters.Length; i++)
        {
            var p = _parameters[i];
            if (p.Grad is { } g && !g.IsDisposed)
            {
                Update(p.Span, g.Span, i);
            }
        }
    }

    /// <summary>Sets every gradient to zero (gradients accumulate across backward passes).</summary>
    public void ZeroGrad()
    {
        foreach (var p in _parameters)
        {
            p.Grad?.Span.Clear();
        }
    }

    /// <summary>Updates one parameter; <paramref name="index"/> identifies its state.</summary>
    private protected abstract void Update(Span<float> parameter, ReadOnlySpan<float> gradient, int index);

    /// <summary>State buffer <paramref name="slot"/> of parameter <paramref name="index"/>, created filled with
    /// <paramref name="initial"/> on first use; <paramref name="created"/> says whether it was just created.</summary>
    internal Span<float> State(int index, int slot, float initial, out bool created)
    {
        var t = _state[index][slot];
        created = t is null;
        if (t is null)
        {
            t = Tensor.Zeros(_parameters[index].Shape);
            if (initial != 0f)
            {
                t.Fill(initial);
            }
            _state[index][slot] = t;
        }
        return t.Span;
    }
}
