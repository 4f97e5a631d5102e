using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.CompilerServices;
using Microsoft.ML.Recurrent.Tensors.Kernels;
using Microsoft.ML.Recurrent.Tensors.Memory;
using Microsoft.ML.Recurrent.Tensors.Threading;

namespace Microsoft.ML.Recurrent.Tensors.Layers.Fused;

/// <summary>
/// LSTM layer (torch.nn.LSTM equations, gates i, f, g, o):
/// <c>i = σ(·), f = σ(·), g = tanh(·), o = σ(·); c' = f ⊙ c + i ⊙ g; h' = o ⊙ tanh(c')</c>,
/// where each pre-activation is W_i· x + b_i· + W_h· h + b_h·.
/// </summary>
internal sealed class LstmLayerNode : RecurrentLayerNode
{
    private readonly Tensor? _c0;
    private readonly Tensor _cN;
    private readonly Tensor[] _cells, _tanhC;
    public LstmLayerNode(int layer, Tensor x, Tensor y, Tensor? h0, Tensor? c0, Tensor hN, Tensor cN,
        RecurrentWeights[] weights, int directions, int hiddenSize, ReadOnlyMemory<int> lengths)
        : base(4, layer, x, y, h0, hN, weights, directions, hiddenSize, lengths)
    {
        _c0 = c0;
        _cN = cN;
        _cells = new Tensor[D];
        _tanhC = new Tensor[D];
        for (int d = 0; d < D; d++)
        {
            _cells[d] = Tensor.Result(new Shape(T + 1, B, H), x.Device);
            _tanhC[d] = Tensor.Result(new Shape(T, B, H), x.Device);
        }
    }

    protected override bool CellOutputHasGradient => _cN.Grad is not null;

    protected override bool WriteInputBias(RecurrentWeights w, Span<float> row) => WriteBothBiases(w, row);

    protected override void ForwardDirection(int d, RecurrentWeights w)
    {
        var initialCell = _cells[d].Span.Slice((d == 0 ? 0 : T) * B * H, B * H);
        if (_c0 is not null)
        {
            StateSlice(_c0, d).CopyTo(initialCell);
        }
        else
        {
            initialCell.Clear();
        }
        RunTimeLoop(d, w, backward: false);
        _cells[d].Span.Slice((d == 0 ? T : 0) * B * H, B * H).CopyTo(StateSlice(_cN, d));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void ForwardSlice(int d, RecurrentWeights w, int part, int u0, int u1, SpinBarrier? barrier)
    {
        var gates = Gates[d].Span;
        var states = States[d].Span;
        var cells = _cells[d].Span;
        var tanhC = _tanhC[d].Span;
        int bh = B * H, g4 = 4 * H, width = u1 - u0;
        bool whole = barrier is null;
        // One part: the pre-activations are computed in place in Gates (gate stride H). Several: this part's
        // columns of the 4 gates sit side by side in its own scratch (gate stride = width) and go back after the cell.
        var whh = whole ? w.PackTransposed() : w.PackForwardSlice(part, 4, u0, u1);
        int threads = whole ? Threading.WorkerPool.Shared.MaxDegreeOfParallelism : 1;
        int ld = whole ? g4 : 4 * width, stride = whole ? H : width;
        var scratch = whole ? null : BufferPool.Rent(B * ld, clear: false);
        try
        {
            for (int s = 0; s < T; s++)
            {
                int t = TimeOf(d, s);
                int prev = PrevBlock(d, t) * bh, next = NextBlock(d, t) * bh;
                var gt = gates.Slice(t * B * g4, B * g4);
                var pre = whole ? gt : scratch!.Span;
                if (!whole)
                {
                    CopyGateColumns(gt, g4, H, pre, ld, stride, u0, width, toScratch: true);
                }
                // (B, 4·width) += h_prev (B, H) · W_hhᵀ (H, 4·width)
                Gemm.Multiply(threads, false, B, 4 * width, H, 1f, states.Slice(prev, bh), H, whh, 1f, pre, ld);
                for (int b = 0; b < B; b++)
                {
                    int unit = b * H + u0;
                    var hp = states.Slice(prev + unit, width);
                    var cp = cells.Slice(prev + unit, width);
                    var hn = states.Slice(next + unit, width);
                    var cn = cells.Slice(next + unit, width);
                    var tc = tanhC.Slice(t * bh + unit, width);
                    if (!IsValid(t, b))
                    {
                        hp.CopyTo(hn);
                        cp.CopyTo(cn);
                        tc.Clear();
                        continue;
                    }
                    var row = pre.Slice(b * ld, 3 * stride + width);
                    var i = row.Slice(0, width);
                    var f = row.Slice(stride, width);
                    var g = row.Slice(2 * stride, width);
                    var o = row.Slice(3 * stride, width);
                    VectorActivations.Sigmoid(i, i);
                    VectorActivations.Sigmoid(f, f);
                    VectorActivations.Tanh(g, g);
                    VectorActivations.Sigmoid(o, o);
                    TensorPrimitives.Multiply(f, cp, cn);           // c' = f ⊙ c
                    TensorPrimitives.MultiplyAdd(i, g, cn, cn);     //  + i ⊙ g
                    VectorActivations.Tanh(cn, tc);
                    TensorPrimitives.Multiply(o, tc, hn);           // h' = o ⊙ tanh(c')
                }
                if (!whole)
                {
                    CopyGateColumns(gt, g4, H, pre, ld, stride, u0, width, toScratch: false);
                    if (!barrier!.SignalAndWait())
                    {
                        return;
                    }
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

    /// <summary>dL/dh_t, the carried dL/dc, and two more B·H rows for the time loop.</summary>
    protected override int BackwardScratchLength => 4 * B * H;

    protected override void BeginBackwardDirection(int d, Span<float> scratch)
    {
        var dc = scratch.Slice(B * H, B * H);
        if (_cN.Grad is { } gc)
        {
            StateSlice(gc, d).CopyTo(dc);
        }
        else
        {
            dc.Clear();
        }
    }

    protected override void EndBackwardDirection(int d, Span<float> scratch)
    {
        if (_c0 is not null && _c0.RequiresGrad && GradientOf(_c0) is { } dc0)
        {
            var slice = StateSlice(dc0, d);
            TensorPrimitives.Add(slice, scratch.Slice(B * H, B * H), slice);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void BackwardSlice(int d, RecurrentWeights w, int part, int u0, int u1, SpinBarrier? barrier)
    {
        int bh = B * H, g4 = 4 * H, width = u1 - u0;
        bool whole = barrier is null;
        var all = BackwardScratch!.Span;
        var dh = BackwardDh!.Span;          // carried dL/dh (ends as the initial-state gradient)
        var dhTotal = all.Slice(0, bh);     // dL/dh_t including this step's output
        var dc = all.Slice(bh, bh);
        var dcPrev = all.Slice(2 * bh, bh);
        var dhPrev = all.Slice(3 * bh, bh);
        var dY = OutputGradient;
        var dGi = BackwardGi!.Span;
        var gates = Gates[d].Span;
        var cells = _cells[d].Span;
        var tanhC = _tanhC[d].Span;
        var whh = whole ? w.PackPlain() : w.PackBackwardSlice(part, u0, u1);
        int threads = whole ? Threading.WorkerPool.Shared.MaxDegreeOfParallelism : 1;
        for (int s = T - 1; s >= 0; s--)
        {
            int t = TimeOf(d, s);
            int prev = PrevBlock(d, t) * bh;
            AddOutputGradient(dY, d, t, dh, dhTotal, u0, width);
            var dg = dGi.Slice(t * B * g4, B * g4);
            for (int b = 0; b < B; b++)
            {
                int unit = b * H + u0;
                var dgRow = dg.Slice(b * g4 + u0, 3 * H + width);
                if (!IsValid(t, b))
                {
                    for (int g = 0; g < 4; g++)
                    {
                        dgRow.Slice(g * H, width).Clear();
                    }
                    dc.Slice(unit, width).CopyTo(dcPrev.Slice(unit, width));
                    continue;
                }
                CellBackward(gates.Slice((t * B + b) * g4 + u0, 3 * H + width), H, cells.Slice(prev + unit, width),
                    tanhC.Slice(t * bh + unit, width), dhTotal.Slice(unit, width), dc.Slice(unit, width),
                    dgRow, dcPrev.Slice(unit, width));
            }
            if (!whole && !barrier!.SignalAndWait())
            {
                return;
            }
            // dh_prev (B, width) = dGates_t (B, 4H) · W_hh (4H, width); a frozen (padded) row passes its gradient through.
            Gemm.Multiply(threads, false, B, width, g4, 1f, dg, g4, whh, 0f, dhPrev.Slice(u0), H);
            for (int b = 0; b < B; b++)
            {
                int unit = b * H + u0;
                if (!IsValid(t, b))
                {
                    dhTotal.Slice(unit, width).CopyTo(dhPrev.Slice(unit, width));
                }
                dhPrev.Slice(unit, width).CopyTo(dh.Slice(unit, width));
                dcPrev.Slice(unit, width).CopyTo(dc.Slice(unit, width));
            }
        }
    }

    /// <summary>One row of the LSTM cell backward, from activated gates (i, f, g, o) and tanh(c').</summary>
    /// <remarks>Vectorized with Vector256 (8 lanes, FMA): this loop touches every gate of every step, and scalar code
    /// made it ~5% of an H=256 layer's backward.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CellBackward(ReadOnlySpan<float> gate, int h, ReadOnlySpan<float> cPrev, ReadOnlySpan<float> tc,
        ReadOnlySpan<float> dh, ReadOnlySpan<float> dcNext, Span<float> dGate, Span<float> dcPrev)
    {
        // Units j of this slice; gate k of unit j at k·h + j (h: the gate stride, H).
        int count = tc.Length;
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref float g0 = ref MemoryMarshal.GetReference(gate);
            ref float cp0 = ref MemoryMarshal.GetReference(cPrev);
            ref float tc0 = ref MemoryMarshal.GetReference(tc);
            ref float dh0 = ref MemoryMarshal.GetReference(dh);
            ref float dcn0 = ref MemoryMarshal.GetReference(dcNext);
            ref float dg0 = ref MemoryMarshal.GetReference(dGate);
            ref float dcp0 = ref MemoryMarshal.GetReference(dcPrev);
            var one = Vector256<float>.One;
            for (; j <= count - Vector256<float>.Count; j += Vector256<float>.Count)
            {
                nuint u = (nuint)j, uh = (nuint)(h + j), u2h = (nuint)(2 * h + j), u3h = (nuint)(3 * h + j);
                var i = Vector256.LoadUnsafe(ref g0, u);
                var f = Vector256.LoadUnsafe(ref g0, uh);
                var g = Vector256.LoadUnsafe(ref g0, u2h);
                var o = Vector256.LoadUnsafe(ref g0, u3h);
                var t = Vector256.LoadUnsafe(ref tc0, u);
                var dhj = Vector256.LoadUnsafe(ref dh0, u);
                var dc = Vector256.LoadUnsafe(ref dcn0, u) + dhj * o * (one - t * t);
                (dc * g * i * (one - i)).StoreUnsafe(ref dg0, u);
                (dc * Vector256.LoadUnsafe(ref cp0, u) * f * (one - f)).StoreUnsafe(ref dg0, uh);
                (dc * i * (one - g * g)).StoreUnsafe(ref dg0, u2h);
                (dhj * t * o * (one - o)).StoreUnsafe(ref dg0, u3h);
                (dc * f).StoreUnsafe(ref dcp0, u);
            }
        }
        for (; j < count; j++)
        {
            float i = gate[j], f = gate[h + j], g = gate[2 * h + j], o = gate[3 * h + j];
            float tcj = tc[j], dhj = dh[j];
            float dc = dcNext[j] + dhj * o * (1f - tcj * tcj);
            dGate[j] = dc * g * i * (1f - i);
            dGate[h + j] = dc * cPrev[j] * f * (1f - f);
            dGate[2 * h + j] = dc * i * (1f - g * g);
            dGate[3 * h + j] = dhj * tcj * o * (1f - o);
            dcPrev[j] = dc * f;
        }
    }

    public override void ReleaseWorkspace()
    {
        base.ReleaseWorkspace();
        for (int d = 0; d < D; d++)
        {
            _cells[d].Dispose();
            _tanhC[d].Dispose();
        }
    }
}
