using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.CompilerServices;
using Microsoft.ML.Recurrent.Tensors.Kernels;
using Microsoft.ML.Recurrent.Tensors.Memory;

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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void ForwardDirection(int d, RecurrentWeights w)
    {
        var gates = Gates[d].Span;
        var states = States[d].Span;
        var cells = _cells[d].Span;
        var tanhC = _tanhC[d].Span;
        var whh = w.PackTransposed();
        int bh = B * H, g4 = 4 * H;
        var initialCell = cells.Slice((d == 0 ? 0 : T) * bh, bh);
        if (_c0 is not null)
        {
            StateSlice(_c0, d).CopyTo(initialCell);
        }
        else
        {
            initialCell.Clear();
        }
        for (int s = 0; s < T; s++)
        {
            int t = TimeOf(d, s);
            int prev = PrevBlock(d, t) * bh, next = NextBlock(d, t) * bh;
            var gt = gates.Slice(t * B * g4, B * g4);
            // (B, 4H) += h_prev (B, H) · W_hhᵀ (H, 4H)
            Gemm.Multiply(false, B, g4, H, 1f, states.Slice(prev, bh), H, whh, 1f, gt, g4);
            for (int b = 0; b < B; b++)
            {
                var hp = states.Slice(prev + b * H, H);
                var cp = cells.Slice(prev + b * H, H);
                var hn = states.Slice(next + b * H, H);
                var cn = cells.Slice(next + b * H, H);
                var tc = tanhC.Slice((t * B + b) * H, H);
                if (!IsValid(t, b))
                {
                    hp.CopyTo(hn);
                    cp.CopyTo(cn);
                    tc.Clear();
                    continue;
                }
                var row = gt.Slice(b * g4, g4);
                TensorPrimitives.Sigmoid(row.Slice(0, 2 * H), row.Slice(0, 2 * H));   // i, f
                TensorPrimitives.Tanh(row.Slice(2 * H, H), row.Slice(2 * H, H));       // g
                TensorPrimitives.Sigmoid(row.Slice(3 * H, H), row.Slice(3 * H, H));    // o
                TensorPrimitives.Multiply(row.Slice(H, H), cp, cn);                     // c' = f ⊙ c
                TensorPrimitives.MultiplyAdd(row.Slice(0, H), row.Slice(2 * H, H), cn, cn); //  + i ⊙ g
                TensorPrimitives.Tanh(cn, tc);
                TensorPrimitives.Multiply(row.Slice(3 * H, H), tc, hn);                // h' = o ⊙ tanh(c')
            }
        }
        cells.Slice((d == 0 ? T : 0) * bh, bh).CopyTo(StateSlice(_cN, d));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void BackwardDirection(int d, RecurrentWeights w, ReadOnlySpan<float> dY, Span<float> dGi,
        Span<float> dGh, Span<float> dh0)
    {
        int bh = B * H, g4 = 4 * H;
        var scratch = BufferPool.Rent(4 * bh, clear: false);
        var all = scratch.Span;
        var dh = dh0;                       // carried dL/dh (ends as the initial-state gradient)
        var dhTotal = all.Slice(0, bh);     // dL/dh_t including this step's output
        var dc = all.Slice(bh, bh);
        var dcPrev = all.Slice(2 * bh, bh);
        var dhPrev = all.Slice(3 * bh, bh);
        LoadFinalStateGradient(d, dh);
        if (_cN.Grad is { } gc)
        {
            StateSlice(gc, d).CopyTo(dc);
        }
        else
        {
            dc.Clear();
        }
        var gates = Gates[d].Span;
        var cells = _cells[d].Span;
        var tanhC = _tanhC[d].Span;
        var whh = w.PackPlain();
        for (int s = T - 1; s >= 0; s--)
        {
            int t = TimeOf(d, s);
            int prev = PrevBlock(d, t) * bh;
            AddOutputGradient(dY, d, t, dh, dhTotal);
            var dg = dGi.Slice(t * B * g4, B * g4);
            for (int b = 0; b < B; b++)
            {
                var dgRow = dg.Slice(b * g4, g4);
                if (!IsValid(t, b))
                {
                    dgRow.Clear();
                    dc.Slice(b * H, H).CopyTo(dcPrev.Slice(b * H, H));
                    continue;
                }
                CellBackward(gates.Slice((t * B + b) * g4, g4), cells.Slice(prev + b * H, H),
                    tanhC.Slice((t * B + b) * H, H), dhTotal.Slice(b * H, H), dc.Slice(b * H, H),
                    dgRow, dcPrev.Slice(b * H, H));
            }
            // dh_prev (B, H) = dGates_t (B, 4H) · W_hh (4H, H); a frozen (padded) row passes its gradient through.
            Gemm.Multiply(false, B, H, g4, 1f, dg, g4, whh, 0f, dhPrev, H);
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
            dcPrev.CopyTo(dc);
        }
        if (_c0 is not null && _c0.RequiresGrad && GradientOf(_c0) is { } dc0)
        {
            var slice = StateSlice(dc0, d);
            TensorPrimitives.Add(slice, dc, slice);
        }
        BufferPool.Return(scratch);
    }

    /// <summary>One row of the LSTM cell backward, from activated gates (i, f, g, o) and tanh(c').</summary>
    /// <remarks>Vectorized with Vector256 (8 lanes, FMA): this loop touches every gate of every step, and scalar code
    /// made it ~5% of an H=256 layer's backward.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CellBackward(ReadOnlySpan<float> gate, ReadOnlySpan<float> cPrev, ReadOnlySpan<float> tc,
        ReadOnlySpan<float> dh, ReadOnlySpan<float> dcNext, Span<float> dGate, Span<float> dcPrev)
    {
        int h = tc.Length;
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
            for (; j <= h - Vector256<float>.Count; j += Vector256<float>.Count)
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
        for (; j < h; j++)
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
