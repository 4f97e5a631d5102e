namespace Microsoft.ML.Recurrent.Tensors.Autograd;

public static partial class Functional
{
    /// <summary>The same elements under a new shape: a view sharing storage (tensors are always contiguous).</summary>
    /// <exception cref="ArgumentException">The element counts differ (both shapes named).</exception>
    public static Tensor Reshape(Tensor x, Shape shape)
    {
        if (shape.Length != x.Length)
        {
            ShapeCheck.Throw($"{nameof(Reshape)}: cannot view a tensor of shape {x.Shape} ({x.Length} elements) as {shape} ({shape.Length} elements).", nameof(shape));
        }
        var y = x.View(shape);
        if (Tape.ShouldRecord(x.RequiresGrad))
        {
            Tape.Record(new ReshapeNode(x, y), y);
        }
        return y;
    }
}

/// <summary>y = view(x): dx += dy element for element.</summary>
internal sealed class ReshapeNode(Tensor x, Tensor y) : Node
{
    public override bool HasOutputGradient => y.Grad is not null;

    public override void Backward()
    {
        if (!x.RequiresGrad)
        {
            return;
        }
        if (x.Creator is not null && (x.Grad is null || x.Grad.IsDisposed))
        {
            // First gradient of an intermediate: a view of dy in x's shape, no copy (same elements, same order).
            x.Grad = y.Grad!.View(x.Shape);
        }
        else if (GradientOf(x) is { } dx)
        {
            dx.Device.Kernels.AddScaled(y.Grad!, 1f, dx);
        }
    }
}
