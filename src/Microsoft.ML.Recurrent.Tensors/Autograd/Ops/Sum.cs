namespace Microsoft.ML.Recurrent.Tensors.Autograd;

public static partial class Functional
{
    /// <summary>Sum of all elements, as a scalar (accumulated in double precision).</summary>
    public static Tensor Sum(Tensor x) => SumNode.Apply(x, 1.0);

    /// <summary>Mean of all elements, as a scalar.</summary>
    public static Tensor Mean(Tensor x) => SumNode.Apply(x, 1.0 / x.Length);
}

/// <summary>y = scale·Σx (sum or mean): dx = scale·dy everywhere.</summary>
internal sealed class SumNode(Tensor x, float scale, Tensor y) : Node
{
    public static Tensor Apply(Tensor x, double scale)
    {
        var y = Tensor.Result(default, x.Device);
        y.Span[0] = (float)(x.Device.Kernels.Sum(x) * scale);
        if (Tape.ShouldRecord(x.RequiresGrad))
        {
            Tape.Record(new SumNode(x, (float)scale, y), y);
        }
        return y;
    }

    public override bool HasOutputGradient => y.Grad is not null;

    public override void Backward()
    {
        if (GradientOf(x) is { } dx)
        {
            dx.Device.Kernels.AddScalar(dx, scale * y.Grad!.Span[0]);
        }
    }
}
