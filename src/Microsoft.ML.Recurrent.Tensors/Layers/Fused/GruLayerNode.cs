using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using Microsoft.ML.Recurrent.Tensors.Kernels;
using Microsoft.ML.Recurrent.Tensors.Memory;
using Microsoft.ML.Recurrent.Tensors.Threading;

namespace Microsoft.ML.Recurrent.Tensors.Layers.Fused;

/// <summary>
/// GRU layer (torch.nn.GRU equations, gates r, z, n):
/// <c>r = σ(W_ir x + b_ir + W_hr h + b_hr), z = σ(W_iz x + b_iz + W_hz h + b_hz),
/// n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)), h' = (1 - z) ⊙ n + z ⊙ h</c>.
/// Because r multiplies (W_hn h + b_hn), the recurrent projection (with b_hh) is kept per step, and its gradient
/// differs from the input projection's in the n block (dGh_n = dGi_n ⊙ r).
/// </summary>
internal sealed class GruLayerNode : RecurrentLayerNode
{
    private readonly Tensor[] _recurrent;
    public GruLayerNode(int layer, Tensor x, Tensor y, Tensor? h0, Tensor hN,
        RecurrentWeights[] weights, int directions, int hiddenSize, ReadOnlyMemory<int> lengths)
        : base(3, layer, x, y, h0, hN, weights, directions, hiddenSize, lengths)
    {
        _recurrent = new Tensor[D];
        for (int d = 0; d < D; d++)
        {
            _recurrent[d] = Tensor.Result(new Shape(T, B, 3 * H), x.Device);
        }
    }

    protected override bool SeparateRecurrentGradient => true;

    protected override bool WriteInputBias(RecurrentWeights w, Span<float> row)
    {
        if (w.BiasIh is null)
        {
            return false;
        }
        w.BiasIh.Span.CopyTo(row);
        return true;
    }

    protected override void ForwardDirection(int d, RecurrentWeights w) => RunTimeLoop(d, w, backward: false);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void ForwardSlice(int d, RecurrentWeights w, int part, int u0, int u1, SpinBarrier? barrier)
    {
        var gates = Gates[d].Span;
        var recurrent = _recurrent[d].Span;
        var states = States[d].Span;
        int bh = B * H, g3 = 3 * H, width = u1 - u0;
        bool whole = barrier is null;
        // One part: W_hh h + b_hh is computed in place in the saved recurrent projection (gate stride H). Several:
        // this part's columns of the 3 gates sit side by side in its scratch (gate stride = width) and are copied back.
        var whh = whole ? w.PackTransposed() : w.PackForwardSlice(part, 3, u0, u1);
        int threads = whole ? WorkerPool.Shared.MaxDegreeOfParallelism : 1;
        int ld = whole ? g3 : 3 * width, stride = whole ? H : width;
        var scratch = whole ? null : BufferPool.Rent(B * ld, clear: false);
        try
        {
            for (int s = 0; s < T; s++)
            {
                int t = TimeOf(d, s);
                int prev = PrevBlock(d, t) * bh, next = NextBlock(d, t) * bh;
                var gt = gates.Slice(t * B * g3, B * g3);
                var rt = recurrent.Slice(t * B * g3, B * g3);
                var pre = whole ? rt : scratch!.Span;
                float beta = 0f;
                if (w.BiasHh is not null)
                {
                    var bias = w.BiasHh.Span;
                    for (int b = 0; b < B; b++)
                    {
                        for (int g = 0; g < 3; g++)
                        {
                            bias.Slice(g * H + u0, width).CopyTo(pre.Slice(b * ld + g * stride, width));
                        }
                    }
                    beta = 1f;
                }
                // (B, 3·width) = h_prev (B, H) · W_hhᵀ (H, 3·width) + b_hh
                Gemm.Multiply(threads, false, B, 3 * width, H, 1f, states.Slice(prev, bh), H, whh, beta, pre, ld);
                if (!whole)
                {
                    CopyGateColumns(rt, g3, H, pre, ld, stride, u0, width, toScratch: false);
                }
                for (int b = 0; b < B; b++)
                {
                    var hp = states.Slice(prev + b * H + u0, width);
                    var hn = states.Slice(next + b * H + u0, width);
                    if (!IsValid(t, b))
                    {
                        hp.CopyTo(hn);
                        continue;
                    }
                    var xg = gt.Slice(b * g3 + u0, 2 * H + width);
                    var hg = pre.Slice(b * ld, 2 * stride + width);
                    var r = xg.Slice(0, width);
                    var z = xg.Slice(H, width);
                    var n = xg.Slice(2 * H, width);
                    TensorPrimitives.Add(r, hg.Slice(0, width), r);
                    TensorPrimitives.Add(z, hg.Slice(stride, width), z);
                    VectorActivations.Sigmoid(r, r);
                    VectorActivations.Sigmoid(z, z);
                    TensorPrimitives.MultiplyAdd(r, hg.Slice(2 * stride, width), n, n); // x_n + r ⊙ (W_hn h + b_hn)
                    VectorActivations.Tanh(n, n);
                    TensorPrimitives.Subtract(hp, n, hn);                                // h' = n + z ⊙ (h - n)
                    TensorPrimitives.MultiplyAdd(z, hn, n, hn);
                }
                if (!whole && !barrier!.SignalAndWait())
                {
                    return;
                }
            }
        }
        finally
        {
            if (scratch is not null)
            {
                BufferPool.Return(scratch);
            }
        }
    }

    /// <summary>dL/dh_t including this step's output, then the carried dL/dh_{t-1}.</summary>
    protected override int BackwardScratchLength => 2 * B * H;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void BackwardSlice(int d, RecurrentWeights w, int part, int u0, int u1, SpinBarrier? barrier)
    {
        int bh = B * H, g3 = 3 * H, width = u1 - u0;
        bool whole = barrier is null;
        var dh = BackwardDh!.Span;
        var dhTotal = BackwardScratch!.Span.Slice(0, bh);
        var dhPrev = BackwardScratch.Span.Slice(bh, bh);
        var dY = OutputGradient;
        var dGi = BackwardGi!.Span;
        var dGh = BackwardGh!.Span;
        var gates = Gates[d].Span;
        var recurrent = _recurrent[d].Span;
        var states = States[d].Span;
        var whh = whole ? w.PackPlain() : w.PackBackwardSlice(part, u0, u1);
        int threads = whole ? WorkerPool.Shared.MaxDegreeOfParallelism : 1;
        for (int s = T - 1; s >= 0; s--)
        {
            int t = TimeOf(d, s);
            int prev = PrevBlock(d, t) * bh;
            AddOutputGradient(dY, d, t, dh, dhTotal, u0, width);
            var dgi = dGi.Slice(t * B * g3, B * g3);
            var dgh = dGh.Slice(t * B * g3, B * g3);
            for (int b = 0; b < B; b++)
            {
                int unit = b * H + u0;
                var dgiRow = dgi.Slice(b * g3 + u0, 2 * H + width);
                var dghRow = dgh.Slice(b * g3 + u0, 2 * H + width);
                if (!IsValid(t, b))
                {
                    for (int g = 0; g < 3; g++)
                    {
                        dgiRow.Slice(g * H, width).Clear();
                        dghRow.Slice(g * H, width).Clear();
                    }
                    dhTotal.Slice(unit, width).CopyTo(dhPrev.Slice(unit, width));
                    continue;
                }
                CellBackward(gates.Slice((t * B + b) * g3 + u0, 2 * H + width), H,
                    recurrent.Slice((t * B + b) * g3 + 2 * H + u0, width), states.Slice(prev + unit, width),
                    dhTotal.Slice(unit, width), dgiRow, dghRow, dhPrev.Slice(unit, width));
            }
            if (!whole && !barrier!.SignalAndWait())
            {
                return;
            }
            // dh_prev (B, width) += dGh_t (B, 3H) · W_hh (3H, width); padded rows have dGh = 0 and keep their pass-through.
            Gemm.Multiply(threads, false, B, width, g3, 1f, dgh, g3, whh, 1f, dhPrev.Slice(u0), H);
            for (int b = 0; b < B; b++)
            {
                dhPrev.Slice(b * H + u0, width).CopyTo(dh.Slice(b * H + u0, width));
            }
        }
    }

    /// <summary>One row of the GRU cell backward; writes dh_prev's direct term dh ⊙ z.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CellBackward(ReadOnlySpan<float> gate, int h, ReadOnlySpan<float> hn, ReadOnlySpan<float> hPrev,
        ReadOnlySpan<float> dh, Span<float> dgi, Span<float> dgh, Span<float> dhPrev)
    {
        // Units j of this slice; gate k of unit j at k·h + j (h: the gate stride, H).
        for (int j = 0; j < hPrev.Length; j++)
        {
            float r = gate[j], z = gate[h + j], n = gate[2 * h + j], dhj = dh[j];
            float dnPre = dhj * (1f - z) * (1f - n * n);
            float dzPre = dhj * (hPrev[j] - n) * z * (1f - z);
            float drPre = dnPre * hn[j] * r * (1f - r);
            dgi[j] = drPre;
            dgi[h + j] = dzPre;
            dgi[2 * h + j] = dnPre;
            dgh[j] = drPre;
            dgh[h + j] = dzPre;
            dgh[2 * h + j] = dnPre * r;
            dhPrev[j] = dhj * z;
        }
    }

    public override void ReleaseWorkspace()
    {
        base.ReleaseWorkspace();
        for (int d = 0; d < D; d++)
        {
            _recurrent[d].Dispose();
        }
    }
}
