namespace Microsoft.ML.Recurrent.Tensors.Autograd;

public static partial class Functional
{
    /// <summary>
    /// Inverted dropout: in training, zeroes each element with probability <paramref name="p"/> and scales the rest
    /// by 1/(1-p); otherwise (or when p is 0) returns <paramref name="x"/> itself.
    /// </summary>
    /// <param name="x">Input.</param>
    /// <param name="p">Drop probability in [0, 1).</param>
    /// <param name="random">Source of the mask (seed it for reproducible training).</param>
    /// <param name="training">False in evaluation: identity.</param>
    /// <exception cref="ArgumentOutOfRangeException">p is outside [0, 1).</exception>
    public static Tensor Dropout(Tensor x, float p, Random random, bool training = true)
    {
        if (!(p >= 0f && p < 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "Dropout probability must be in [0, 1).");
        }
        ArgumentNullException.ThrowIfNull(random);
        if (!training || p == 0f)
        {
            return x;
        }
        var mask = Tensor.Result(x.Shape, x.Device);
        var y = Tensor.Result(x.Shape, x.Device);
        x.Device.Kernels.Dropout(x, p, random, mask, y);
        if (Tape.ShouldRecord(x.RequiresGrad))
        {
            Tape.Record(new DropoutNode(x, mask, y), y);
        }
        return y;
    }
}

/// <summary>y = x ⊙ mask: dx = dy ⊙ mask.</summary>
internal sealed class DropoutNode(Tensor x, Tensor mask, Tensor y) : Node
{
    public override bool HasOutputGradient => y.Grad is not null;

    public override void Backward()
    {
        if (GradientOf(x) is { } dx)
        {
            y.Device.Kernels.MultiplyAccumulate(y.Grad!, mask, dx);
        }
    }
}
