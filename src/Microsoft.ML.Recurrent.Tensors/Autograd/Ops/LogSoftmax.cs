namespace Microsoft.ML.Recurrent.Tensors.Autograd;

public static partial class Functional
{
    /// <summary>Log-softmax over the last axis, computed stably (max subtracted before exp).</summary>
    public static Tensor LogSoftmax(Tensor x)
    {
        var y = Tensor.Result(x.Shape, x.Device);
        x.Device.Kernels.LogSoftmax(x, y);
        if (Tape.ShouldRecord(x.RequiresGrad))
        {
            Tape.Record(new LogSoftmaxNode(x, y), y);
        }
        return y;
    }
}

/// <summary>y = x - logΣexp x: dx = dy - softmax(x)·Σdy, with softmax = exp(y).</summary>
internal sealed class LogSoftmaxNode(Tensor x, Tensor y) : Node
{
    public override bool HasOutputGradient => y.Grad is not null;

    public override void Backward()
    {
        if (GradientOf(x) is { } dx)
        {
            y.Device.Kernels.LogSoftmaxBackward(y, y.Grad!, dx);
        }
    }
}
