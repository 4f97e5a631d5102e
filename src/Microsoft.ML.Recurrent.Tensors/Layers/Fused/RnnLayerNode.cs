using System.Runtime.CompilerServices;
using Microsoft.ML.Recurrent.Tensors.Devices;
using Microsoft.ML.Recurrent.Tensors.Kernels;
using Microsoft.ML.Recurrent.Tensors.Memory;

namespace Microsoft.ML.Recurrent.Tensors.Layers.Fused;

/// <summary>
/// Elman RNN layer (torch.nn.RNN): <c>h' = f(W_ih x + b_ih + W_hh h + b_hh)</c> with f = tanh, ReLU or sigmoid
/// (sigmoid is an extension: PyTorch offers tanh and ReLU only).
/// </summary>
internal sealed class RnnLayerNode(int layer, Tensor x, Tensor y, Tensor? h0, Tensor hN, RecurrentWeights[] weights,
    int directions, int hiddenSize, ReadOnlyMemory<int> lengths, Activation activation)
    : RecurrentLayerNode(1, layer, x, y, h0, hN, weights, directions, hiddenSize, lengths)
{
    protected override bool WriteInputBias(RecurrentWeights w, Span<float> row) => WriteBothBiases(w, row);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void ForwardDirection(int d, RecurrentWeights w)
    {
        var gates = Gates[d].Span;
        var states = States[d].Span;
        var whh = w.PackTransposed();
        int bh = B * H;
        for (int s = 0; s < T; s++)
        {
            int t = TimeOf(d, s);
            int prev = PrevBlock(d, t) * bh, next = NextBlock(d, t) * bh;
            var gt = gates.Slice(t * bh, bh);
            Gemm.Multiply(false, B, H, H, 1f, states.Slice(prev, bh), H, whh, 1f, gt, H);
            CpuActivations.Forward(activation, gt, gt);
            for (int b = 0; b < B; b++)
            {
                var src = IsValid(t, b) ? gt.Slice(b * H, H) : states.Slice(prev + b * H, H);
                src.CopyTo(states.Slice(next + b * H, H));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void BackwardDirection(int d, RecurrentWeights w, ReadOnlySpan<float> dY, Span<float> dGi,
        Span<float> dGh, Span<float> dh0)
    {
        int bh = B * H;
        var scratch = BufferPool.Rent(2 * bh, clear: false);
        var dh = dh0;
        var dhTotal = scratch.Span.Slice(0, bh);
        var dhPrev = scratch.Span.Slice(bh, bh);
        LoadFinalStateGradient(d, dh);
        var gates = Gates[d].Span;
        var whh = w.PackPlain();
        for (int s = T - 1; s >= 0; s--)
        {
            int t = TimeOf(d, s);
            AddOutputGradient(dY, d, t, dh, dhTotal);
            var dg = dGi.Slice(t * bh, bh);
            CpuActivations.Backward(activation, gates.Slice(t * bh, bh), dhTotal, dg);
            if (HasLengths)
            {
                for (int b = 0; b < B; b++)
                {
                    if (!IsValid(t, b))
                    {
                        dg.Slice(b * H, H).Clear();
                    }
                }
            }
            Gemm.Multiply(false, B, H, H, 1f, dg, H, whh, 0f, dhPrev, H);
            if (HasLengths)
            {
                for (int b = 0; b < B; b++)
                {
                    if (!IsValid(t, b))
                    {
                        dhTotal.Slice(b * H, H).CopyTo(dhPrev.Slice(b * H, H));
                    }
                }
            }
            dhPrev.CopyTo(dh);
        }
        BufferPool.Return(scratch);
    }
}
