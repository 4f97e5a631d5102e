using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using Microsoft.ML.Recurrent.Tensors.Kernels;
using Microsoft.ML.Recurrent.Tensors.Memory;

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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void ForwardDirection(int d, RecurrentWeights w)
    {
        var gates = Gates[d].Span;
        var recurrent = _recurrent[d].Span;
        var states = States[d].Span;
        var whh = w.PackTransposed();
        int bh = B * H, g3 = 3 * H;
        for (int s = 0; s < T; s++)
        {
            int t = TimeOf(d, s);
            int prev = PrevBlock(d, t) * bh, next = NextBlock(d, t) * bh;
            var gt = gates.Slice(t * B * g3, B * g3);
            var rt = recurrent.Slice(t * B * g3, B * g3);
            float beta = 0f;
            if (w.BiasHh is not null)
            {
                var bias = w.BiasHh.Span;
                for (int b = 0; b < B; b++)
                {
                    bias.CopyTo(rt.Slice(b * g3, g3));
                }
                beta = 1f;
            }
            // (B, 3H) = h_prev (B, H) · W_hhᵀ (H, 3H) + b_hh
            Gemm.Multiply(false, B, g3, H, 1f, states.Slice(prev, bh), H, whh, beta, rt, g3);
            for (int b = 0; b < B; b++)
            {
                var hp = states.Slice(prev + b * H, H);
                var hn = states.Slice(next + b * H, H);
                if (!IsValid(t, b))
                {
                    hp.CopyTo(hn);
                    continue;
                }
                var xg = gt.Slice(b * g3, g3);
                var hg = rt.Slice(b * g3, g3);
                var rz = xg.Slice(0, 2 * H);
                TensorPrimitives.Add(rz, hg.Slice(0, 2 * H), rz);
                TensorPrimitives.Sigmoid(rz, rz);                                     // r, z
                var n = xg.Slice(2 * H, H);
                TensorPrimitives.MultiplyAdd(xg.Slice(0, H), hg.Slice(2 * H, H), n, n); // x_n + r ⊙ (W_hn h + b_hn)
                TensorPrimitives.Tanh(n, n);
                TensorPrimitives.Subtract(hp, n, hn);                                 // h' = n + z ⊙ (h - n)
                TensorPrimitives.MultiplyAdd(xg.Slice(H, H), hn, n, hn);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void BackwardDirection(int d, RecurrentWeights w, ReadOnlySpan<float> dY, Span<float> dGi,
        Span<float> dGh, Span<float> dh0)
    {
        int bh = B * H, g3 = 3 * H;
        var scratch = BufferPool.Rent(2 * bh, clear: false);
        var dh = dh0;
        var dhTotal = scratch.Span.Slice(0, bh);
        var dhPrev = scratch.Span.Slice(bh, bh);
        LoadFinalStateGradient(d, dh);
        var gates = Gates[d].Span;
        var recurrent = _recurrent[d].Span;
        var states = States[d].Span;
        var whh = w.PackPlain();
        for (int s = T - 1; s >= 0; s--)
        {
            int t = TimeOf(d, s);
            int prev = PrevBlock(d, t) * bh;
            AddOutputGradient(dY, d, t, dh, dhTotal);
            var dgi = dGi.Slice(t * B * g3, B * g3);
            var dgh = dGh.Slice(t * B * g3, B * g3);
            for (int b = 0; b < B; b++)
            {
                if (!IsValid(t, b))
                {
                    dgi.Slice(b * g3, g3).Clear();
                    dgh.Slice(b * g3, g3).Clear();
                    dhTotal.Slice(b * H, H).CopyTo(dhPrev.Slice(b * H, H));
                    continue;
                }
                CellBackward(gates.Slice((t * B + b) * g3, g3), recurrent.Slice((t * B + b) * g3 + 2 * H, H),
                    states.Slice(prev + b * H, H), dhTotal.Slice(b * H, H),
                    dgi.Slice(b * g3, g3), dgh.Slice(b * g3, g3), dhPrev.Slice(b * H, H));
            }
            // dh_prev (B, H) += dGh_t (B, 3H) · W_hh (3H, H); padded rows have dGh = 0 and keep their pass-through.
            Gemm.Multiply(false, B, H, g3, 1f, dgh, g3, whh, 1f, dhPrev, H);
            dhPrev.CopyTo(dh);
        }
        BufferPool.Return(scratch);
    }

    /// <summary>One row of the GRU cell backward; writes dh_prev's direct term dh ⊙ z.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CellBackward(ReadOnlySpan<float> gate, ReadOnlySpan<float> hn, ReadOnlySpan<float> hPrev,
        ReadOnlySpan<float> dh, Span<float> dgi, Span<float> dgh, Span<float> dhPrev)
    {
        int h = hPrev.Length;
        for (int j = 0; j < h; j++)
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
