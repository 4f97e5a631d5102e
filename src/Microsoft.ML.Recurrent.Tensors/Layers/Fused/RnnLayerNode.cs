using System.Runtime.CompilerServices;
using Microsoft.ML.Recurrent.Tensors.Devices;
using Microsoft.ML.Recurrent.Tensors.Kernels;
using Microsoft.ML.Recurrent.Tensors.Memory;
using Microsoft.ML.Recurrent.Tensors.Threading;

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

    protected override void ForwardDirection(int d, RecurrentWeights w) => RunTimeLoop(d, w, backward: false);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void ForwardSlice(int d, RecurrentWeights w, int part, int u0, int u1, SpinBarrier? barrier)
    {
        var gates = Gates[d].Span;
        var states = States[d].Span;
        int bh = B * H, width = u1 - u0;
        bool whole = barrier is null;
        // One gate: a part's columns are contiguous in each row of Gates, so it multiplies straight into them.
        var whh = whole ? w.PackTransposed() : w.PackForwardSlice(part, 1, u0, u1);
        int threads = whole ? WorkerPool.Shared.MaxDegreeOfParallelism : 1;
        for (int s = 0; s < T; s++)
        {
            int t = TimeOf(d, s);
            int prev = PrevBlock(d, t) * bh, next = NextBlock(d, t) * bh;
            var gt = gates.Slice(t * bh, bh);
            Gemm.Multiply(threads, false, B, width, H, 1f, states.Slice(prev, bh), H, whh, 1f, gt.Slice(u0), H);
            if (whole)
            {
                CpuActivations.Forward(activation, gt, gt);
            }
            else
            {
                for (int b = 0; b < B; b++)
                {
                    var row = gt.Slice(b * H + u0, width);
                    CpuActivations.Forward(activation, row, row);
                }
            }
            for (int b = 0; b < B; b++)
            {
                int unit = b * H + u0;
                var src = IsValid(t, b) ? gt.Slice(unit, width) : states.Slice(prev + unit, width);
                src.CopyTo(states.Slice(next + unit, width));
            }
            if (!whole && !barrier!.SignalAndWait())
            {
                return;
            }
        }
    }

    /// <summary>dL/dh_t including this step's output, then the carried dL/dh_{t-1}.</summary>
    protected override int BackwardScratchLength => 2 * B * H;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void BackwardSlice(int d, RecurrentWeights w, int part, int u0, int u1, SpinBarrier? barrier)
    {
        int bh = B * H, width = u1 - u0;
        bool whole = barrier is null;
        var dh = BackwardDh!.Span;
        var dhTotal = BackwardScratch!.Span.Slice(0, bh);
        var dhPrev = BackwardScratch.Span.Slice(bh, bh);
        var dY = OutputGradient;
        var dGi = BackwardGi!.Span;
        var gates = Gates[d].Span;
        var whh = whole ? w.PackPlain() : w.PackBackwardSlice(part, u0, u1);
        int threads = whole ? WorkerPool.Shared.MaxDegreeOfParallelism : 1;
        for (int s = T - 1; s >= 0; s--)
        {
            int t = TimeOf(d, s);
            AddOutputGradient(dY, d, t, dh, dhTotal, u0, width);
            var dg = dGi.Slice(t * bh, bh);
            for (int b = 0; b < B; b++)
            {
                int unit = b * H + u0;
                if (IsValid(t, b))
                {
                    CpuActivations.Backward(activation, gates.Slice(t * bh + unit, width), dhTotal.Slice(unit, width),
                        dg.Slice(unit, width));
                }
                else
                {
                    dg.Slice(unit, width).Clear();
                }
            }
            if (!whole && !barrier!.SignalAndWait())
            {
                return;
            }
            Gemm.Multiply(threads, false, B, width, H, 1f, dg, H, whh, 0f, dhPrev.Slice(u0), H);
            for (int b = 0; b < B; b++)
            {
                int unit = b * H + u0;
                var src = IsValid(t, b) ? dhPrev.Slice(unit, width) : dhTotal.Slice(unit, width);
                src.CopyTo(dh.Slice(unit, width));
            }
        }
    }
}
