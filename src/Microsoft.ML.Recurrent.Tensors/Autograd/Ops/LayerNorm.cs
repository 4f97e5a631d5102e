namespace Microsoft.ML.Recurrent.Tensors.Autograd;

public static partial class Functional
{
    /// <summary>
    /// Layer normalization over the last axis (Ba et al. 2016), as torch.nn.functional.layer_norm with an affine
    /// weight and bias of length Last: <c>y = (x - mean) / sqrt(var + eps) · weight + bias</c>, biased variance.
    /// </summary>
    /// <exception cref="ArgumentException">weight or bias is not (Last).</exception>
    public static Tensor LayerNorm(Tensor x, Tensor weight, Tensor bias, float epsilon = 1e-5f)
    {
        if (weight.Shape != new Shape(x.Shape.Last) || bias.Shape != weight.Shape)
        {
            ShapeCheck.Throw($"{nameof(LayerNorm)}: weight {weight.Shape} and bias {bias.Shape} must both be ({x.Shape.Last}) for input {x.Shape}.", nameof(weight));
        }
        var y = Tensor.Result(x.Shape, x.Device);
        var mean = Tensor.Result(new Shape(x.Shape.Rows), x.Device);
        var inverseStd = Tensor.Result(new Shape(x.Shape.Rows), x.Device);
        x.Device.Kernels.LayerNorm(x, weight, bias, epsilon, y, mean, inverseStd);
        if (Tape.ShouldRecord(x.RequiresGrad || weight.RequiresGrad || bias.RequiresGrad))
        {
            Tape.Record(new LayerNormNode(x, weight, bias, mean, inverseStd, y), y);
        }
        return y;
    }
}

/// <summary>Backward of layer norm through the saved per-row mean and 1/σ.</summary>
internal sealed class LayerNormNode(Tensor x, Tensor weight, Tensor bias, Tensor mean, Tensor inverseStd, Tensor y) : Node
{
    public override bool HasOutputGradient => y.Grad is not null;

    public override void Backward() =>
        y.Device.Kernels.LayerNormBackward(x, weight, mean, inverseStd, y.Grad!, GradientOf(x), GradientOf(weight), GradientOf(bias));
}
