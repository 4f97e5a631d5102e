using Microsoft.ML.Recurrent.Tensors.Autograd;

namespace Microsoft.ML.Recurrent.Tensors.Layers;

/// <summary>Layer normalization over the last axis as torch.nn.LayerNorm: <c>weight</c> ones, <c>bias</c> zeros.</summary>
public sealed class LayerNorm : Module
{
    /// <summary>Creates the layer.</summary>
    /// <param name="normalizedSize">Size of the last axis, ≥ 1.</param>
    /// <param name="epsilon">Added to the variance; default 1e-5.</param>
    public LayerNorm(int normalizedSize, float epsilon = 1e-5f)
    {
        if (normalizedSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(normalizedSize), normalizedSize, "normalized_shape must be >= 1.");
        }
        Epsilon = epsilon;
        Weight = RegisterParameter("weight", new Shape(normalizedSize));
        Bias = RegisterParameter("bias", new Shape(normalizedSize));
        Weight.Fill(1f);
    }

    /// <summary>ε.</summary>
    public float Epsilon { get; }

    /// <summary>Scale, (size).</summary>
    public Tensor Weight { get; }

    /// <summary>Shift, (size).</summary>
    public Tensor Bias { get; }

    /// <summary>Normalizes every row of x (..., size).</summary>
    public Tensor Forward(Tensor x) => Functional.LayerNorm(x, Weight, Bias, Epsilon);
}
