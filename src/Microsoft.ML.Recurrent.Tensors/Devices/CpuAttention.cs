using System.Numerics.Tensors;

namespace Microsoft.ML.Recurrent.Tensors.Devices;

/// <summary>
/// Masked dot-product attention over time-major memory, one batch row at a time, without materializing the
/// (S·B, M) broadcasts that the composed ops need: the memory is read twice forward and twice backward.
/// </summary>
internal static class CpuAttention
{
    /// <summary>Weights w[b, s] = softmax over s &lt; len[b] of states[s, b]·query[b] (0 beyond), and
    /// context[b] = Σ_s w[b, s]·states[s, b].</summary>
    public static void Forward(ReadOnlySpan<float> states, ReadOnlySpan<float> query, ReadOnlySpan<int> lengths,
        int sourceLength, Span<float> weights, Span<float> context)
    {
        int B = lengths.Length, S = sourceLength, M = query.Length / B;
        for (int b = 0; b < B; b++)
        {
            var q = query.Slice(b * M, M);
            var w = weights.Slice(b * S, S);
            var c = context.Slice(b * M, M);
            int n = lengths[b];
            for (int s = 0; s < n; s++)
            {
                w[s] = TensorPrimitives.Dot(states.Slice((s * B + b) * M, M), q);
            }
            float max = TensorPrimitives.Max(w[..n]);
            Kernels.VectorExp.ExpShifted(w[..n], max, 1f, w[..n]);
            TensorPrimitives.Divide(w[..n], TensorPrimitives.Sum(w[..n]), w[..n]);
            w[n..].Clear();
            c.Clear();
            for (int s = 0; s < n; s++)
            {
                TensorPrimitives.MultiplyAdd(states.Slice((s * B + b) * M, M), w[s], c, c);
            }
        }
    }

    /// <summary>Adds the gradients of <see cref="Forward"/>'s outputs (dContext, dWeights: either may be empty) into dStates
    /// and dQuery (either may be empty); <paramref name="scratch"/> holds at least S floats.</summary>
    public static void Backward(ReadOnlySpan<float> states, ReadOnlySpan<float> query, ReadOnlySpan<int> lengths,
        int sourceLength, ReadOnlySpan<float> weights, ReadOnlySpan<float> dContext, ReadOnlySpan<float> dWeights,
        Span<float> dStates, Span<float> dQuery, Span<float> scratch)
    {
        int B = lengths.Length, S = sourceLength, M = query.Length / B;
        for (int b = 0; b < B; b++)
        {
            var q = query.Slice(b * M, M);
            var w = weights.Slice(b * S, S);
            var dc = dContext.IsEmpty ? default : dContext.Slice(b * M, M);
            var ds = scratch[..S];
            int n = lengths[b];
            // dw[s] = dc·states[s, b] + dWeights[b, s]; dscore[s] = w[s]·(dw[s] - Σ w·dw)
            for (int s = 0; s < n; s++)
            {
                ds[s] = dc.IsEmpty ? 0f : TensorPrimitives.Dot(dc, states.Slice((s * B + b) * M, M));
            }
            if (!dWeights.IsEmpty)
            {
                TensorPrimitives.Add(ds[..n], dWeights.Slice(b * S, n), ds[..n]);
            }
            float mean = TensorPrimitives.Dot(w[..n], ds[..n]);
            TensorPrimitives.Subtract(ds[..n], mean, ds[..n]);
            TensorPrimitives.Multiply(ds[..n], w[..n], ds[..n]);
            for (int s = 0; s < n; s++)
            {
                var row = states.Slice((s * B + b) * M, M);
                if (!dQuery.IsEmpty)
                {
                    var dq = dQuery.Slice(b * M, M);
                    TensorPrimitives.MultiplyAdd(row, ds[s], dq, dq);
                }
                if (!dStates.IsEmpty)
                {
                    var dRow = dStates.Slice((s * B + b) * M, M);
                    if (!dc.IsEmpty)
                    {
                        TensorPrimitives.MultiplyAdd(dc, w[s], dRow, dRow);
                    }
                    TensorPrimitives.MultiplyAdd(q, ds[s], dRow, dRow);
                }
            }
        }
    }
}
