namespace Microsoft.ML.Recurrent.Tensors.Autograd;

public static partial class Functional
{
    /// <summary>
    /// Affine map <c>y = x·Wᵀ + b</c> as torch.nn.functional.linear: x is (..., in), weight (out, in), bias (out) or
    /// null; y is (..., out). All leading rows go through one matrix multiply.
    /// </summary>
    /// <exception cref="ArgumentException">Feature sizes disagree (shapes named).</exception>
    public static Tensor Linear(Tensor x, Tensor weight, Tensor? bias = null)
    {
        ShapeCheck.Rank(weight, 2, nameof(Linear), nameof(weight));
        if (x.Shape.Rank < 1 || x.Shape.Last != weight.Shape[1])
        {
            ShapeCheck.Throw($"{nameof(Linear)}: input {x.Shape} must end in in_features = {weight.Shape[1]} of weight {weight.Shape}.", nameof(x));
        }
        if (bias is not null && (bias.Shape.Rank != 1 || bias.Shape[0] != weight.Shape[0]))
        {
            ShapeCheck.Throw($"{nameof(Linear)}: bias {bias.Shape} must be ({weight.Shape[0]}) for weight {weight.Shape}.", nameof(bias));
        }
        ShapeCheck.SameDevice(x, weight, nameof(Linear));
        Span<int> dims = stackalloc int[x.Shape.Rank];
        for (int i = 0; i < dims.Length; i++)
        {
            dims[i] = x.Shape[i];
        }
        dims[^1] = weight.Shape[0];
        var y = Tensor.Result(new Shape(dims), x.Device);
        var kernels = x.Device.Kernels;
        kernels.MatMul(x, false, weight, true, y, 1f, 0f);                        // (N, in)·(in, out) -> (N, out)
        if (bias is not null)
        {
            kernels.AddRowVector(y, bias);
        }
        if (Tape.ShouldRecord(x.RequiresGrad || weight.RequiresGrad || (bias?.RequiresGrad ?? false)))
        {
            Tape.Record(new LinearNode(x, weight, bias, y), y);
        }
        return y;
    }
}

/// <summary>y = x·Wᵀ + b: dx = dy·W, dW = dyᵀ·x, db = Σ_rows dy.</summary>
internal sealed class LinearNode(Tensor x, Tensor weight, Tensor? bias, Tensor y) : Node
{
    public override bool HasOutputGradient => y.Grad is not null;

    public override void Backward()
    {
        var dy = y.Grad!;
        var kernels = y.Device.Kernels;
        if (GradientOf(x, out bool overwrite) is { } dx)
        {
            kernels.MatMul(dy, false, weight, false, dx, 1f, overwrite ? 0f : 1f);
        }
        if (GradientOf(weight) is { } dw)
        {
            kernels.MatMul(dy, true, x, false, dw, 1f, 1f);
        }
        if (bias is not null && GradientOf(bias) is { } db)
        {
            kernels.SumRowsAccumulate(dy, db);
        }
    }
}
