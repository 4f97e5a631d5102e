namespace Microsoft.ML.Recurrent.Tensors.Autograd;

public static partial class Functional
{
    /// <summary>Element-wise sum of two tensors of the same shape.</summary>
    /// <exception cref="ArgumentException">The shapes differ (both named).</exception>
    public static Tensor Add(Tensor a, Tensor b)
    {
        ShapeCheck.Same(a, b, nameof(Add), nameof(a), nameof(b));
        var y = Tensor.Result(a.Shape, a.Device);
        a.Device.Kernels.Add(a, b, y);
        if (Tape.ShouldRecord(a.RequiresGrad || b.RequiresGrad))
        {
            Tape.Record(new AddNode(a, b, y), y);
        }
        return y;
    }
}

/// <summary>y = a + b: both inputs receive dy.</summary>
internal sealed class AddNode(Tensor a, Tensor b, Tensor y) : Node
{
    public override bool HasOutputGradient => y.Grad is not null;

    public override void Backward()
    {
        var dy = y.Grad!;
        var kernels = y.Device.Kernels;
        if (GradientOf(a) is { } da)
        {
            kernels.AddScaled(dy, 1f, da);
        }
        if (GradientOf(b) is { } db)
        {
            kernels.AddScaled(dy, 1f, db);
        }
    }
}
