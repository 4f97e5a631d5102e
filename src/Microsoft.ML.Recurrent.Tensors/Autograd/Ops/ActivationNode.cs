namespace Microsoft.ML.Recurrent.Tensors.Autograd;

/// <summary>y = f(x) for tanh, sigmoid, ReLU: dx = dy ⊙ f'(x), with f' written through y (1-y², y(1-y), y&gt;0).</summary>
internal sealed class ActivationNode(Activation activation, Tensor x, Tensor y) : Node
{
    public static Tensor Apply(Activation activation, Tensor x)
    {
        var y = Tensor.Result(x.Shape, x.Device);
        x.Device.Kernels.Activate(activation, x, y);
        if (Tape.ShouldRecord(x.RequiresGrad))
        {
            Tape.Record(new ActivationNode(activation, x, y), y);
        }
        return y;
    }

    public override bool HasOutputGradient => y.Grad is not null;

    public override void Backward()
    {
        if (GradientOf(x) is { } dx)
        {
            y.Device.Kernels.ActivationBackward(activation, y, y.Grad!, dx);
        }
    }
}
