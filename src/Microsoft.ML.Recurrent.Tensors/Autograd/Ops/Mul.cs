namespace Microsoft.ML.Recurrent.Tensors.Autograd;

public static partial class Functional
{
    /// <summary>Element-wise product of two tensors of the same shape.</summary>
    /// <exception cref="ArgumentException">The shapes differ (both named).</exception>
    public static Tensor Mul(Tensor a, Tensor b)
    {
        ShapeCheck.Same(a, b, nameof(Mul), nameof(a), nameof(b));
        var y = Tensor.Result(a.Shape, a.Device);
        a.Device.Kernels.Multiply(a, b, y);
        if (Tape.ShouldRecord(a.RequiresGrad || b.RequiresGrad))
        {
            Tape.Record(new MulNode(a, b, y), y);
        }
        return y;
    }
}

/// <summary>y = a ⊙ b: da = dy ⊙ b, db = dy ⊙ a.</summary>
internal sealed class MulNode(Tensor a, Tensor b, Tensor y) : Node
{
    public override bool HasOutputGradient => y.Grad is not null;

    public override void Backward()
    {
        var dy = y.Grad!;
        var kernels = y.Device.Kernels;
        if (GradientOf(a) is { } da)
        {
            kernels.MultiplyAccumulate(dy, b, da);
        }
        if (GradientOf(b) is { } db)
        {
            kernels.MultiplyAccumulate(dy, a, db);
        }
    }
}
