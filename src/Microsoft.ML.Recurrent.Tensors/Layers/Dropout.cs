using Microsoft.ML.Recurrent.Tensors.Autograd;

namespace Microsoft.ML.Recurrent.Tensors.Layers;

/// <summary>Inverted dropout as torch.nn.Dropout: active in training mode only, with its own seeded generator.</summary>
public sealed class Dropout : Module
{
    private readonly Random _random;

    /// <summary>Creates the layer.</summary>
    /// <param name="p">Drop probability in [0, 1); default 0.5.</param>
    /// <param name="seed">Seed of the masks; default 0.</param>
    public Dropout(float p = 0.5f, int seed = 0)
    {
        if (!(p >= 0f && p < 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "Dropout probability must be in [0, 1).");
        }
        P = p;
        _random = new Random(seed);
    }

    /// <summary>Drop probability.</summary>
    public float P { get; }

    /// <summary>Drops in training mode, identity otherwise.</summary>
    public Tensor Forward(Tensor x) => Functional.Dropout(x, P, _random, Training);
}
