namespace Microsoft.ML.Recurrent.Tensors.Autograd;

public static partial class Functional
{
    /// <summary>Mean squared error <c>mean((input - target)²)</c>, as torch.nn.functional.mse_loss.</summary>
    /// <exception cref="ArgumentException">The shapes differ (both named).</exception>
    public static Tensor MseLoss(Tensor input, Tensor target)
    {
        ShapeCheck.Same(input, target, nameof(MseLoss), nameof(input), nameof(target));
        var loss = Tensor.Result(default, input.Device);
        loss.Span[0] = (float)(input.Device.Kernels.SquaredDistance(input, target) / input.Length);
        if (Tape.ShouldRecord(input.RequiresGrad || target.RequiresGrad))
        {
            Tape.Record(new MseLossNode(input, target, loss), loss);
        }
        return loss;
    }
}

/// <summary>L = mean((x-t)²): dx = 2g/N·(x-t), dt = -dx.</summary>
internal sealed class MseLossNode(Tensor input, Tensor target, Tensor loss) : Node
{
    public override bool HasOutputGradient => loss.Grad is not null;

    public override void Backward()
    {
        var kernels = loss.Device.Kernels;
        float s = 2f * loss.Grad!.Span[0] / input.Length;
        if (GradientOf(input) is { } dx)
        {
            kernels.AddScaled(input, s, dx);
            kernels.AddScaled(target, -s, dx);
        }
        if (GradientOf(target) is { } dt)
        {
            kernels.AddScaled(input, -s, dt);
            kernels.AddScaled(target, s, dt);
        }
    }
}
