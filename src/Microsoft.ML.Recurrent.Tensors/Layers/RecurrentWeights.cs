using Microsoft.ML.Recurrent.Tensors.Kernels;
using Microsoft.ML.Recurrent.Tensors.Memory;

namespace Microsoft.ML.Recurrent.Tensors.Layers;

/// <summary>
/// The parameters of one layer and direction of a recurrent module, in torch.nn layout: gates stacked along rows
/// (LSTM i,f,g,o; GRU r,z,n; RNN one block), so <c>weight_ih</c> is (G·H, input) and <c>weight_hh</c> is (G·H, H).
/// Also keeps W_hh packed for the per-step multiplies (repacked once per pass, since the optimizer changes it).
/// </summary>
/// <remarks>
/// Inference may run on several threads over the same weights (a translator searches one sentence per thread), so two
/// threads may pack the same matrix at once. A packed matrix's first pack allocates its buffer, and two threads
/// allocating would free each other's buffer: that first pack runs under a lock and the matrix is published after it.
/// Later packs reuse the buffer and write every element with the value it already holds (same weights, same layout),
/// so a thread reading it meanwhile reads correct values. Training, which changes the weights, runs on one thread.
/// </remarks>
internal sealed class RecurrentWeights(Tensor weightIh, Tensor weightHh, Tensor? biasIh, Tensor? biasHh)
{
    private readonly object _allocation = new();
    private PackedMatrix? _transposed, _plain;
    private PackedMatrix[] _forwardSlices = [], _backwardSlices = [];

    public Tensor WeightIh { get; } = weightIh;

    public Tensor WeightHh { get; } = weightHh;

    public Tensor? BiasIh { get; } = biasIh;

    public Tensor? BiasHh { get; } = biasHh;

    public bool AnyRequiresGrad =>
        WeightIh.RequiresGrad || WeightHh.RequiresGrad || (BiasIh?.RequiresGrad ?? false) || (BiasHh?.RequiresGrad ?? false);

    /// <summary>W_hhᵀ (H × G·H) packed for the forward step h_prev · W_hhᵀ.</summary>
    public PackedMatrix PackTransposed()
    {
        int rows = WeightHh.Shape[0], h = WeightHh.Shape[1];
        return PackWhole(ref _transposed, true, h, rows);
    }

    /// <summary>W_hh (G·H × H) packed for the backward step dGates · W_hh.</summary>
    public PackedMatrix PackPlain()
    {
        int rows = WeightHh.Shape[0], h = WeightHh.Shape[1];
        return PackWhole(ref _plain, false, rows, h);
    }

    private PackedMatrix PackWhole(ref PackedMatrix? slot, bool transpose, int k, int n)
    {
        int h = WeightHh.Shape[1];
        var packed = Volatile.Read(ref slot);
        if (packed is null)
        {
            lock (_allocation)
            {
                packed = slot;
                if (packed is null)
                {
                    packed = new PackedMatrix();
                    packed.Pack(WeightHh.Span, h, transpose, k, n);
                    Volatile.Write(ref slot, packed);
                    return packed;
                }
            }
        }
        packed.Pack(WeightHh.Span, h, transpose, k, n);
        return packed;
    }

    /// <summary>Makes sure <see cref="PackForwardSlice"/> and <see cref="PackBackwardSlice"/> have
    /// <paramref name="parts"/> matrices; call before the threads that pack them start (they then only read the arrays).</summary>
    public void EnsureSlices(int parts)
    {
        // Under the lock: threads that then fail to get the pool call this too (see the remarks).
        lock (_allocation)
        {
            if (_forwardSlices.Length >= parts)
            {
                return;
            }
            var forward = new PackedMatrix[parts];
            var backward = new PackedMatrix[parts];
            for (int p = 0; p < parts; p++)
            {
                forward[p] = p < _forwardSlices.Length ? _forwardSlices[p] : new PackedMatrix();
                backward[p] = p < _backwardSlices.Length ? _backwardSlices[p] : new PackedMatrix();
            }
            _forwardSlices = forward;
            _backwardSlices = backward;
        }
    }

    /// <summary>
    /// For the thread that owns hidden units [u0, u1): the rows of W_hh of those units in every gate (gate by gate),
    /// transposed and packed: H × G·(u1-u0), so <c>h_prev · packed</c> gives that thread's pre-activations of all
    /// gates, gate g in columns g·(u1-u0).. of its scratch. Safe to call concurrently for different parts.
    /// </summary>
    public PackedMatrix PackForwardSlice(int part, int gates, int u0, int u1)
    {
        int h = WeightHh.Shape[1], width = u1 - u0;
        var rows = BufferPool.Rent(gates * width * h, clear: false);
        var src = WeightHh.Span;
        var dst = rows.Span;
        for (int g = 0; g < gates; g++)
        {
            src.Slice((g * h + u0) * h, width * h).CopyTo(dst.Slice(g * width * h, width * h));
        }
        var packed = _forwardSlices[part];
        packed.Pack(dst, h, true, h, gates * width);
        BufferPool.Return(rows);
        return packed;
    }

    /// <summary>
    /// For the thread that owns hidden units [u0, u1): columns u0..u1-1 of W_hh (G·H × (u1-u0)) packed, so
    /// <c>dGates · packed</c> gives those columns of dh_prev. Safe to call concurrently for different parts.
    /// </summary>
    public PackedMatrix PackBackwardSlice(int part, int u0, int u1)
    {
        int rows = WeightHh.Shape[0], h = WeightHh.Shape[1];
        var packed = _backwardSlices[part];
        packed.Pack(WeightHh.Span.Slice(u0), h, false, rows, u1 - u0);
        return packed;
    }
}
