using Microsoft.ML.Recurrent.Tensors.Autograd;
using Microsoft.ML.Recurrent.Tensors.Kernels;
using Microsoft.ML.Recurrent.Tensors.Memory;
using Microsoft.ML.Recurrent.Tensors.Threading;

namespace Microsoft.ML.Recurrent.Tensors.Layers.Fused;

/// <summary>
/// One layer of a recurrent module over a whole sequence, both directions, as ONE autograd node with a hand-written
/// backward through time. The cell (LSTM, GRU, RNN) supplies the per-step math; this class does what is common:
/// the input projection of all T·B rows as one GEMM, and in backward dX, dW_ih and dW_hh as one GEMM each over
/// all time steps (PyTorch 1.13 accumulates weight gradients per step, which is most of why this is faster).
/// </summary>
/// <remarks>
/// <para>Layout: input x (T, B, I); output y (T, B, D·H) with direction d in columns d·H..d·H+H-1;
/// states (L·D, B, H), this layer's slices at rows l·D+d.</para>
/// <para>Variable lengths follow PyTorch's packed sequences: at time t, batch row b is valid when t &lt; length[b];
/// an invalid step leaves the state unchanged and writes 0 to the output. Forward therefore ends on the state at
/// the last valid step, and the reverse direction starts each sequence at its own last valid step.</para>
/// <para>States are stored by time: <c>hs</c> has T+1 blocks of (B, H). Forward: the state before time t is block t,
/// after it block t+1. Reverse: before t is block t+1, after it block t. So the previous states of all steps form
/// ONE contiguous (T·B, H) block (0..T-1 forward, 1..T reverse), which is what lets dW_hh be a single GEMM.</para>
/// <para>Threads: the time loop of a direction runs either on one thread (its per-step GEMM may still use the pool),
/// or, when the recurrent multiply is large enough and the pool can give every part its own thread, split by hidden
/// units: part j owns units [u0, u1) and computes their pre-activations of all gates from the full h_prev (W_hh
/// rows of its units packed once per pass), then the cell of its units, then meets the others at a
/// <see cref="SpinBarrier"/> once per step; backward, the cell of its units, a meeting, then its columns of dh_prev
/// from the full dGates. Every element sees the same operations in the same order as on one thread (the GEMM's depth
/// blocks depend on k only; the element-wise ops see at least 16 units), so results are bit-identical for any
/// thread count (docs/engine.md).</para>
/// </remarks>
internal abstract class RecurrentLayerNode : Node
{
    protected readonly int T, B, I, H, D, G;
    private readonly int _layer;
    private readonly Tensor _x, _y, _hN;
    private readonly Tensor? _h0;
    private readonly RecurrentWeights[] _weights;
    private readonly ReadOnlyMemory<int> _lengths;

    /// <summary>Per direction: gate activations (T, B, G·H) and states (T+1, B, H).</summary>
    protected readonly Tensor[] Gates, States;

    /// <summary>Smallest recurrent multiply per step, 2·B·G·H·H flops, for which the time loop is split over threads:
    /// below ~10 µs of work a step, a meeting per step costs more than the split saves. Tests lower it.</summary>
    internal static double MinSplitFlops = 1e6;

    /// <summary>Fewest hidden units a part owns: element-wise kernels then run on whole vectors for every unit, as
    /// they do on one thread, which keeps the bits identical.</summary>
    internal const int MinSliceUnits = 16;

    private static long s_splitRuns;

    /// <summary>Number of direction passes (forward or backward) that ran split over threads (tests, diagnostics).</summary>
    internal static long SplitRuns => Interlocked.Read(ref s_splitRuns);

    private SpinBarrier? _barrier;

    /// <summary>During <see cref="Backward"/>: dGi, dGh (may be dGi) and the carried state gradient (B, H).</summary>
    protected Tensor? BackwardGi, BackwardGh, BackwardDh;

    /// <summary>Gradient of the output y, empty when y got none.</summary>
    protected ReadOnlySpan<float> OutputGradient => _y.Grad is { } gy ? gy.Span : default;

    protected RecurrentLayerNode(int gateCount, int layer, Tensor x, Tensor y, Tensor? h0, Tensor hN,
        RecurrentWeights[] weights, int directions, int hiddenSize, ReadOnlyMemory<int> lengths)
    {
        T = x.Shape[0];
        B = x.Shape[1];
        I = x.Shape[2];
        H = hiddenSize;
        D = directions;
        G = gateCount;
        _layer = layer;
        _x = x;
        _y = y;
        _h0 = h0;
        _hN = hN;
        _weights = weights;
        _lengths = lengths;
        Gates = new Tensor[D];
        States = new Tensor[D];
        for (int d = 0; d < D; d++)
        {
            Gates[d] = Tensor.Result(new Shape(T, B, G * H), x.Device);
            States[d] = Tensor.Result(new Shape(T + 1, B, H), x.Device);
        }
    }

    public override bool HasOutputGradient => _y.Grad is not null || _hN.Grad is not null || CellOutputHasGradient;

    protected virtual bool CellOutputHasGradient => false;

    protected RecurrentWeights WeightsOf(int d) => _weights[_layer * D + d];

    /// <summary>Row block (B·H floats) of a (L·D, B, H) state tensor for this layer and direction d.</summary>
    protected Span<float> StateSlice(Tensor state, int d) => state.Span.Slice((_layer * D + d) * B * H, B * H);

    protected bool IsValid(int t, int b) => _lengths.IsEmpty || t < _lengths.Span[b];

    protected bool HasLengths => !_lengths.IsEmpty;

    /// <summary>Index of the state block before time t for direction d.</summary>
    protected int PrevBlock(int d, int t) => d == 0 ? t : t + 1;

    /// <summary>Index of the state block after time t for direction d.</summary>
    protected int NextBlock(int d, int t) => d == 0 ? t + 1 : t;

    /// <summary>Time of processing step s for direction d.</summary>
    protected int TimeOf(int d, int s) => d == 0 ? s : T - 1 - s;

    /// <summary>Runs the layer: fills y, this layer's slices of hN (and cN), and the saved activations.</summary>
    public void Forward()
    {
        var ySpan = _y.Span;
        for (int d = 0; d < D; d++)
        {
            var w = WeightsOf(d);
            var gates = Gates[d].Span;
            // Gates (T·B, G·H) = X (T·B, I) · W_ihᵀ + biases: the input projection of every step in one GEMM.
            float beta = 0f;
            if (WriteInputBias(w, gates.Slice(0, G * H)))
            {
                var bias = gates.Slice(0, G * H);
                for (int r = 1; r < T * B; r++)
                {
                    bias.CopyTo(gates.Slice(r * G * H, G * H));
                }
                beta = 1f;
            }
            Gemm.Multiply(false, true, T * B, G * H, I, 1f, _x.Span, I, w.WeightIh.Span, I, beta, gates, G * H);

            var states = States[d].Span;
            var initial = states.Slice((d == 0 ? 0 : T) * B * H, B * H);
            if (_h0 is not null)
            {
                StateSlice(_h0, d).CopyTo(initial);
            }
            else
            {
                initial.Clear();
            }
            ForwardDirection(d, w);

            // Outputs: the new state at each valid step, 0 past a sequence's length.
            for (int t = 0; t < T; t++)
            {
                var next = states.Slice(NextBlock(d, t) * B * H, B * H);
                for (int b = 0; b < B; b++)
                {
                    var dst = ySpan.Slice((t * B + b) * D * H + d * H, H);
                    if (IsValid(t, b))
                    {
                        next.Slice(b * H, H).CopyTo(dst);
                    }
                    else
                    {
                        dst.Clear();
                    }
                }
            }
            states.Slice((d == 0 ? T : 0) * B * H, B * H).CopyTo(StateSlice(_hN, d));
        }
    }

    /// <summary>Writes the bias of the input projection into <paramref name="row"/> (LSTM/RNN: b_ih + b_hh folded
    /// together; GRU: b_ih only, since its b_hn sits inside r ⊙ (W_hn h + b_hn)); false when there is none.</summary>
    protected abstract bool WriteInputBias(RecurrentWeights w, Span<float> row);

    /// <summary>b_ih + b_hh into row, for the cells that fold both biases into the input projection.</summary>
    protected static bool WriteBothBiases(RecurrentWeights w, Span<float> row)
    {
        if (w.BiasIh is null || w.BiasHh is null)
        {
            return false;
        }
        System.Numerics.Tensors.TensorPrimitives.Add(w.BiasIh.Span, w.BiasHh.Span, row);
        return true;
    }

    /// <summary>Runs the recurrence of direction d over the precomputed input projection in Gates[d].</summary>
    protected abstract void ForwardDirection(int d, RecurrentWeights w);

    /// <summary>
    /// Backward through time of direction d: given dY and the final-state gradients, writes dGi (gradient of the
    /// input-projection pre-activations, (T, B, G·H)) and dGh (of the recurrent pre-activations; may be dGi itself),
    /// into <see cref="BackwardGi"/> and <see cref="BackwardGh"/>, and the gradient of the initial state into
    /// <see cref="BackwardDh"/>.
    /// </summary>
    private void BackwardDirection(int d, RecurrentWeights w)
    {
        BackwardScratch = BufferPool.Rent(BackwardScratchLength, clear: false);
        try
        {
            LoadFinalStateGradient(d, BackwardDh!.Span);
            BeginBackwardDirection(d, BackwardScratch.Span);
            RunTimeLoop(d, w, backward: true);
            EndBackwardDirection(d, BackwardScratch.Span);
        }
        finally
        {
            BufferPool.Return(BackwardScratch);
            BackwardScratch = null;
        }
    }

    /// <summary>Floats of <see cref="BackwardScratch"/> the backward time loop of one direction needs.</summary>
    protected abstract int BackwardScratchLength { get; }

    /// <summary>Per-direction scratch of the backward time loop (carried gradients), held only during
    /// <see cref="BackwardDirection"/>.</summary>
    protected AlignedBuffer? BackwardScratch { get; private set; }

    /// <summary>Prepares <paramref name="scratch"/> before the backward time loop of direction d (the final-state
    /// gradient of h is already in <see cref="BackwardDh"/>).</summary>
    protected virtual void BeginBackwardDirection(int d, Span<float> scratch)
    {
    }

    /// <summary>Reads <paramref name="scratch"/> after the backward time loop of direction d.</summary>
    protected virtual void EndBackwardDirection(int d, Span<float> scratch)
    {
    }

    /// <summary>
    /// The forward time loop for hidden units [u0, u1). <paramref name="barrier"/> null: the only part, all units,
    /// on this thread (its GEMM may use the pool); otherwise one of several parts running at once, which must call
    /// <see cref="SpinBarrier.SignalAndWait"/> once per step after writing its units of the new state (and return
    /// when it answers false).
    /// </summary>
    protected abstract void ForwardSlice(int d, RecurrentWeights w, int part, int u0, int u1, SpinBarrier? barrier);

    /// <summary>The backward time loop for hidden units [u0, u1); <paramref name="barrier"/> as in
    /// <see cref="ForwardSlice"/>, met once per step between writing dGates of its units and reading all of them.</summary>
    protected abstract void BackwardSlice(int d, RecurrentWeights w, int part, int u0, int u1, SpinBarrier? barrier);

    /// <summary>Runs the forward or backward time loop of direction d split over threads when that pays and the
    /// pool can run the parts at once; on this thread otherwise.</summary>
    protected void RunTimeLoop(int d, RecurrentWeights w, bool backward)
    {
        int parts = SplitParts();
        if (parts >= 2)
        {
            w.EnsureSlices(parts);
            if (_barrier is null || _barrier.Participants != parts)
            {
                _barrier = new SpinBarrier(parts);
            }
            var work = new SliceWork { Node = this, Direction = d, Weights = w, Parts = parts, Backward = backward, Barrier = _barrier };
            if (WorkerPool.Shared.TryRunTogether(parts, work))
            {
                Interlocked.Increment(ref s_splitRuns);
                return;
            }
        }
        if (backward)
        {
            BackwardSlice(d, w, 0, 0, H, null);
        }
        else
        {
            ForwardSlice(d, w, 0, 0, H, null);
        }
    }

    /// <summary>How many parts to split the time loop into: 1 (no split) unless the per-step multiply is large enough,
    /// the pool allows several threads, and every part gets at least <see cref="MinSliceUnits"/> units.</summary>
    private int SplitParts()
    {
        int degree = WorkerPool.Shared.MaxDegreeOfParallelism;
        if (degree < 2 || 2.0 * B * G * H * H < MinSplitFlops)
        {
            return 1;
        }
        return Math.Min(degree, H / MinSliceUnits);
    }

    /// <summary>Units [u0, u1) of part <paramref name="part"/> of <paramref name="parts"/>: boundaries on multiples of
    /// <see cref="MinSliceUnits"/> (whole vectors, aligned packed panels), the last part ending at H.</summary>
    protected (int U0, int U1) SliceOf(int part, int parts)
    {
        static int Boundary(int h, int p, int n) => p == n ? h : (int)((long)h * p / n) / MinSliceUnits * MinSliceUnits;
        return (Boundary(H, part, parts), Boundary(H, part + 1, parts));
    }

    private struct SliceWork : IParallelWork
    {
        public RecurrentLayerNode Node;
        public RecurrentWeights Weights;
        public SpinBarrier Barrier;
        public int Direction, Parts;
        public bool Backward;

        public readonly void Execute(int index)
        {
            (int u0, int u1) = Node.SliceOf(index, Parts);
            try
            {
                if (Backward)
                {
                    Node.BackwardSlice(Direction, Weights, index, u0, u1, Barrier);
                }
                else
                {
                    Node.ForwardSlice(Direction, Weights, index, u0, u1, Barrier);
                }
            }
            catch
            {
                // The other parts would wait for this one at their next meeting forever.
                Barrier.Break();
                throw;
            }
        }
    }

    /// <summary>True when the cell needs a separate gradient for the recurrent pre-activations (GRU).</summary>
    protected virtual bool SeparateRecurrentGradient => false;

    public override void Backward()
    {
        var device = _x.Device;
        var dGiT = Tensor.Result(new Shape(T, B, G * H), device);
        var dGhT = SeparateRecurrentGradient ? Tensor.Result(new Shape(T, B, G * H), device) : dGiT;
        var dh0T = Tensor.Result(new Shape(B, H), device);
        BackwardGi = dGiT;
        BackwardGh = dGhT;
        BackwardDh = dh0T;
        var dX = GradientOf(_x, out bool overwriteX);
        var dH0 = _h0 is null ? null : GradientOf(_h0);
        for (int d = 0; d < D; d++)
        {
            var w = WeightsOf(d);
            var dGi = dGiT.Span;
            var dGh = dGhT.Span;
            BackwardDirection(d, w);
            if (dH0 is not null)
            {
                var slice = StateSlice(dH0, d);
                System.Numerics.Tensors.TensorPrimitives.Add(slice, dh0T.Span, slice);
            }
            // Weight and input gradients: one GEMM each over all T·B rows.
            if (GradientOf(w.WeightIh) is { } dWih)
            {
                Gemm.Multiply(true, false, G * H, I, T * B, 1f, dGi, G * H, _x.Span, I, 1f, dWih.Span, I);
            }
            if (GradientOf(w.WeightHh) is { } dWhh)
            {
                var prev = States[d].Span.Slice((d == 0 ? 0 : 1) * B * H, T * B * H);
                Gemm.Multiply(true, false, G * H, H, T * B, 1f, dGh, G * H, prev, H, 1f, dWhh.Span, H);
            }
            var dbIh = w.BiasIh is null ? null : GradientOf(w.BiasIh);
            var dbHh = w.BiasHh is null ? null : GradientOf(w.BiasHh);
            if (dbIh is not null && dbHh is not null && ReferenceEquals(dGiT, dGhT))
            {
                // LSTM and RNN: both biases receive the same column sums; form them once.
                var sums = Tensor.Result(new Shape(G * H), device, clear: true);
                device.Kernels.SumRowsAccumulate(dGiT, sums);
                device.Kernels.AddScaled(sums, 1f, dbIh);
                device.Kernels.AddScaled(sums, 1f, dbHh);
                sums.Dispose();
            }
            else
            {
                if (dbIh is not null)
                {
                    device.Kernels.SumRowsAccumulate(dGiT, dbIh);
                }
                if (dbHh is not null)
                {
                    device.Kernels.SumRowsAccumulate(dGhT, dbHh);
                }
            }
            if (dX is not null)
            {
                // The first direction writes a fresh dX, the second adds to it.
                float beta = overwriteX && d == 0 ? 0f : 1f;
                Gemm.Multiply(false, false, T * B, I, G * H, 1f, dGi, G * H, w.WeightIh.Span, I, beta, dX.Span, I);
            }
        }
        // Workspace of the backward pass goes back to the pool at once (it is not needed by any other node).
        BackwardGi = BackwardGh = BackwardDh = null;
        dGiT.Dispose();
        if (!ReferenceEquals(dGhT, dGiT))
        {
            dGhT.Dispose();
        }
        dh0T.Dispose();
    }

    /// <summary>Copies units [u0, u0+width) of every gate of every batch row between Gates (row length ldGates, gate
    /// stride h) and a part's scratch (row length ld, gate stride stride).</summary>
    protected static void CopyGateColumns(Span<float> gates, int ldGates, int h, Span<float> scratch, int ld, int stride,
        int u0, int width, bool toScratch)
    {
        int rows = gates.Length / ldGates, count = ld / stride;
        for (int b = 0; b < rows; b++)
        {
            for (int g = 0; g < count; g++)
            {
                var inGates = gates.Slice(b * ldGates + g * h + u0, width);
                var inScratch = scratch.Slice(b * ld + g * stride, width);
                if (toScratch)
                {
                    inGates.CopyTo(inScratch);
                }
                else
                {
                    inScratch.CopyTo(inGates);
                }
            }
        }
    }

    /// <summary>Gradient flowing into the final hidden state of direction d (zeros when hN got none).</summary>
    protected void LoadFinalStateGradient(int d, Span<float> dh)
    {
        if (_hN.Grad is { } g)
        {
            StateSlice(g, d).CopyTo(dh);
        }
        else
        {
            dh.Clear();
        }
    }

    /// <summary>Adds dY[t] of direction d for valid rows into dh (B, H), giving the total gradient of h_t, for hidden
    /// units [u0, u0 + width).</summary>
    protected void AddOutputGradient(ReadOnlySpan<float> dY, int d, int t, ReadOnlySpan<float> dhCarried, Span<float> dhTotal,
        int u0, int width)
    {
        for (int b = 0; b < B; b++)
        {
            var src = dhCarried.Slice(b * H + u0, width);
            var dst = dhTotal.Slice(b * H + u0, width);
            if (!dY.IsEmpty && IsValid(t, b))
            {
                System.Numerics.Tensors.TensorPrimitives.Add(src, dY.Slice((t * B + b) * D * H + d * H + u0, width), dst);
            }
            else
            {
                src.CopyTo(dst);
            }
        }
    }

    /// <summary>Frees the saved activations early when the node is not recorded (inference).</summary>
    public virtual void ReleaseWorkspace()
    {
        for (int d = 0; d < D; d++)
        {
            Gates[d].Dispose();
            States[d].Dispose();
        }
    }
}
