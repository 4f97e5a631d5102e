namespace Microsoft.ML.Recurrent.Tensors.Autograd;

public static partial class Functional
{
    /// <summary>
    /// Masked dot-product attention (Luong): for each batch row b, weights w[b, s] = softmax over the valid positions
    /// s &lt; lengths[b] of states[s, b]·query[b] (0 at padded positions) and context[b] = Σ_s w[b, s]·states[s, b].
    /// One fused node: the memory is never broadcast, so a decoder step costs O(S·B·M) reads and no (S·B, M) tensors.
    /// </summary>
    /// <param name="states">Encoder states, time-major (S·B, M): row s·B + b.</param>
    /// <param name="query">(B, M).</param>
    /// <param name="lengths">B valid lengths, each in [1, S]; must not change until backward has run.</param>
    /// <returns>Context (B, M) and weights (B, S), both differentiable in states and query.</returns>
    /// <exception cref="ArgumentException">Shapes disagree (both named) or a length is outside [1, S] (its row named).</exception>
    public static (Tensor Context, Tensor Weights) DotAttention(Tensor states, Tensor query, int[] lengths)
    {
        ArgumentNullException.ThrowIfNull(lengths);
        ShapeCheck.Rank(states, 2, nameof(DotAttention), nameof(states));
        ShapeCheck.Rank(query, 2, nameof(DotAttention), nameof(query));
        ShapeCheck.SameDevice(states, query, nameof(DotAttention));
        int B = query.Shape[0], M = query.Shape[1];
        if (lengths.Length != B || B == 0 || states.Shape[1] != M || states.Shape[0] % B != 0)
        {
            ShapeCheck.Throw($"{nameof(DotAttention)}: states {states.Shape} must be (S·B, M) for query {query.Shape} " +
                $"and {lengths.Length} lengths.", nameof(states));
        }
        int S = states.Shape[0] / B;
        for (int b = 0; b < B; b++)
        {
            if (lengths[b] < 1 || lengths[b] > S)
            {
                ShapeCheck.Throw($"{nameof(DotAttention)}: lengths[{b}] = {lengths[b]} is outside [1, {S}].", nameof(lengths));
            }
        }
        var context = Tensor.Result(new Shape(B, M), query.Device);
        var weights = Tensor.Result(new Shape(B, S), query.Device);
        query.Device.Kernels.DotAttention(states, query, lengths, weights, context);
        if (Tape.ShouldRecord(states.RequiresGrad || query.RequiresGrad))
        {
            var node = new DotAttentionNode(states, query, lengths, weights, context);
            Tape.Record(node, context);
            Tape.MarkOutput(node, weights);
        }
        return (context, weights);
    }
}

/// <summary>Backward of <see cref="Functional.DotAttention"/> from the gradients of the context and the weights (see
/// <see cref="IDeviceKernels.DotAttentionBackward"/>).</summary>
internal sealed class DotAttentionNode(Tensor states, Tensor query, int[] lengths, Tensor weights, Tensor context)
    : Node
{
    public override bool HasOutputGradient => context.Grad is not null || weights.Grad is not null;

    public override void Backward() =>
        context.Device.Kernels.DotAttentionBackward(states, query, lengths, weights, context.Grad, weights.Grad,
            GradientOf(states), GradientOf(query));
}
