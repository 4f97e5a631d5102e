using Microsoft.ML.Recurrent.Tensors.Autograd;

namespace Microsoft.ML.Recurrent.Tensors.Layers;

/// <summary>
/// Affine layer as torch.nn.Linear: y = x·Wᵀ + b, <c>weight</c> (out, in), <c>bias</c> (out); initialized as torch,
/// U(-1/√in, 1/√in) for both.
/// </summary>
public sealed class Linear : Module
{
    /// <summary>Creates the layer.</summary>
    /// <param name="inFeatures">Input features, ≥ 1.</param>
    /// <param name="outFeatures">Output features, ≥ 1.</param>
    /// <param name="bias">Whether to learn a bias; default true.</param>
    /// <param name="seed">Seed of the initialization; default 0.</param>
    public Linear(int inFeatures, int outFeatures, bool bias = true, int seed = 0)
    {
        if (inFeatures < 1 || outFeatures < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(inFeatures), $"Linear needs in_features ({inFeatures}) and out_features ({outFeatures}) >= 1.");
        }
        Weight = RegisterParameter("weight", new Shape(outFeatures, inFeatures));
        Bias = bias ? RegisterParameter("bias", new Shape(outFeatures)) : null;
        var random = new Random(seed);
        float bound = 1f / MathF.Sqrt(inFeatures);
        Init.Uniform(Weight, -bound, bound, random);
        if (Bias is not null)
        {
            Init.Uniform(Bias, -bound, bound, random);
        }
    }

    /// <summary>(out, in).</summary>
    public Tensor Weight { get; }

    /// <summary>(out), or null.</summary>
    public Tensor? Bias { get; }

    /// <summary>x (..., in) → (..., out).</summary>
    public Tensor Forward(Tensor x) => Functional.Linear(x, Weight, Bias);
}
