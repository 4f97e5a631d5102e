namespace Microsoft.ML.Recurrent.Tensors.Autograd;

/// <summary>
/// One recorded operation: it keeps what its backward pass needs and, when run, adds the gradients of its
/// inputs from the gradients of its outputs (micrograd's <c>_backward</c>, one class per op).
/// </summary>
internal abstract class Node
{
    /// <summary>Adds input gradients; called once, in reverse recording order, only if an output has a gradient.</summary>
    public abstract void Backward();

    /// <summary>True when any output received a gradient (otherwise the node is skipped).</summary>
    public abstract bool HasOutputGradient { get; }

    /// <summary>
    /// The gradient tensor of <paramref name="input"/>, created zero-filled on first use, or null when the input
    /// needs no gradient. Leaves (parameters) get a caller-owned gradient that persists across steps and accumulates.
    /// </summary>
    protected static Tensor? GradientOf(Tensor input)
    {
        var grad = GradientOf(input, out bool overwrite);
        if (overwrite)
        {
            grad!.Span.Clear();
        }
        return grad;
    }

    /// <summary>
    /// As <see cref="GradientOf(Tensor)"/>, but a gradient created now for an intermediate tensor is left
    /// uninitialized and <paramref name="overwrite"/> is true: the caller must then WRITE it (GEMM with beta 0, a plain
    /// copy) instead of adding to it, which saves a zero fill and a read of large buffers such as (T·B, vocab) logits.
    /// </summary>
    protected static Tensor? GradientOf(Tensor input, out bool overwrite)
    {
        overwrite = false;
        if (!input.RequiresGrad)
        {
            return null;
        }
        if (input.Creator is not null && (input.Grad is null || input.Grad.IsDisposed))
        {
            input.Grad = Tensor.Allocate(input.Shape, input.Device, clear: false, Tape.Current);
            overwrite = true;
            return input.Grad;
        }
        if (!input.RequiresGrad)
        {
            return null;
        }
        if (input.Grad is null || input.Grad.IsDisposed)
        {
            var owner = input.Creator is null ? null : Tape.Current;
            input.Grad = Tensor.Allocate(input.Shape, input.Device, clear: true, owner);
        }
        return input.Grad;
    }
}
