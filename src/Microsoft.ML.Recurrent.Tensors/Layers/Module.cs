namespace Microsoft.ML.Recurrent.Tensors.Layers;

/// <summary>
/// A building block with named parameters and child modules, as torch.nn.Module: names follow the composition
/// (<c>encoder.weight</c>, <c>rnn.weight_ih_l0</c>), so saved tensors carry PyTorch's names.
/// </summary>
/// <remarks>Register parameters and children in the constructor, in the order PyTorch would; that order is the
/// order of <see cref="NamedParameters"/> and of saved files.</remarks>
public abstract class Module
{
    private readonly List<KeyValuePair<string, Tensor>> _parameters = new();
    private readonly List<KeyValuePair<string, Module>> _children = new();

    /// <summary>True in training mode (dropout active), false after <see cref="Eval"/>. Default true.</summary>
    public bool Training { get; private set; } = true;

    /// <summary>Sets training mode on this module and every child.</summary>
    public void Train(bool training = true)
    {
        Training = training;
        foreach (var child in _children)
        {
            child.Value.Train(training);
        }
    }

    /// <summary>Evaluation mode (no dropout): <c>Train(false)</c>.</summary>
    public void Eval() => Train(false);

    /// <summary>Every parameter with its dotted name, this module's first, then each child's, recursively.</summary>
    public IEnumerable<KeyValuePair<string, Tensor>> NamedParameters()
    {
        foreach (var p in _parameters)
        {
            yield return p;
        }
        foreach (var child in _children)
        {
            foreach (var p in child.Value.NamedParameters())
            {
                yield return new KeyValuePair<string, Tensor>(child.Key + "." + p.Key, p.Value);
            }
        }
    }

    /// <summary>Every parameter, in <see cref="NamedParameters"/> order (hand this to an optimizer).</summary>
    public IReadOnlyList<Tensor> Parameters()
    {
        var list = new List<Tensor>();
        foreach (var p in NamedParameters())
        {
            list.Add(p.Value);
        }
        return list;
    }

    /// <summary>Zeroes the gradient of every parameter (gradients accumulate across backward passes).</summary>
    public void ZeroGrad()
    {
        foreach (var p in NamedParameters())
        {
            p.Value.Grad?.Span.Clear();
        }
    }

    /// <summary>
    /// Copies values into the parameters by name (e.g. from <see cref="IO.SafeTensorsReader"/>). Every name and shape
    /// is checked before anything is copied.
    /// </summary>
    /// <param name="tensors">Tensors by torch name.</param>
    /// <param name="strict">True (default): a missing or an unexpected name is an error.</param>
    /// <exception cref="ArgumentException">A name is missing or unexpected, or a shape differs (both named).</exception>
    public void LoadParameters(IReadOnlyDictionary<string, Tensor> tensors, bool strict = true)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var own = new Dictionary<string, Tensor>();
        foreach (var p in NamedParameters())
        {
            own[p.Key] = p.Value;
            if (tensors.TryGetValue(p.Key, out var source))
            {
                if (source.Shape != p.Value.Shape)
                {
                    throw new ArgumentException($"Parameter '{p.Key}' has shape {p.Value.Shape} but the source tensor has shape {source.Shape}.", nameof(tensors));
                }
            }
            else if (strict)
            {
                throw new ArgumentException($"Parameter '{p.Key}' ({p.Value.Shape}) is missing from the source.", nameof(tensors));
            }
        }
        if (strict)
        {
            foreach (var name in tensors.Keys)
            {
                if (!own.ContainsKey(name))
                {
                    throw new ArgumentException($"The source has a tensor '{name}' that this module has no parameter for.", nameof(tensors));
                }
            }
        }
        foreach (var p in own)
        {
            if (tensors.TryGetValue(p.Key, out var source))
            {
                p.Value.CopyFrom(source);
            }
        }
    }

    /// <summary>Creates a trainable parameter (zeros) of the given shape and registers it under <paramref name="name"/>.</summary>
    protected Tensor RegisterParameter(string name, Shape shape)
    {
        var p = Tensor.Zeros(shape);
        p.RequiresGrad = true;
        _parameters.Add(new KeyValuePair<string, Tensor>(name, p));
        return p;
    }

    /// <summary>Registers a child module under <paramref name="name"/>; returns it.</summary>
    protected T RegisterModule<T>(string name, T module)
        where T : Module
    {
        ArgumentNullException.ThrowIfNull(module);
        _children.Add(new KeyValuePair<string, Module>(name, module));
        return module;
    }
}
