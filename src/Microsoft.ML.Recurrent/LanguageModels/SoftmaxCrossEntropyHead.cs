using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using Microsoft.ML.Recurrent.Tensors.Kernels;
using Microsoft.ML.Recurrent.Tensors.Threading;

namespace Microsoft.ML.Recurrent.LanguageModels;

/// <summary>
/// The decoder of a language model fused with log-softmax and cross-entropy, over all N = T·B rows of a window at
/// once: logits = X·Wᵀ + b is ONE GEMM, each row's softmax and loss is computed in place, and the gradient
/// (softmax − one-hot)·scale overwrites the logits, so dW = Gᵀ·X and dX = G·W are one GEMM each.
/// </summary>
/// <remarks>
/// Why not the engine's Linear → CrossEntropy: that keeps logits, log-probabilities and their gradient as three
/// (N, V) tensors (16 MB each for PTB's T·B = 400 rows and V = 10,000) and zero-fills the gradient; here one
/// buffer serves all three, which saves about 64 MB of memory traffic per step. Rows are split over the shared
/// <see cref="WorkerPool"/>; every row writes only its own outputs, so results do not depend on the thread count.
/// </remarks>
internal sealed class SoftmaxCrossEntropyHead
{
    private readonly int _vocabulary, _hidden, _maxRows;
    private readonly float[] _logits;     // (maxRows, V): logits, then gradient
    private readonly double[] _rowLoss;   // per-row −log p(target)
    private readonly float[] _biasPartials;   // (RowBlocks, V): each row block's share of the bias gradient

    // Rows are split into this many fixed blocks (not one per thread), so the order in which partial bias
    // gradients are added never depends on the thread count.
    private const int RowBlocks = 4;

    public SoftmaxCrossEntropyHead(int vocabulary, int hidden, int maxRows)
    {
        _vocabulary = vocabulary;
        _hidden = hidden;
        _maxRows = maxRows;
        _logits = GC.AllocateUninitializedArray<float>(checked(maxRows * vocabulary), pinned: true);
        _rowLoss = new double[maxRows];
        _biasPartials = new float[RowBlocks * vocabulary];
    }

    /// <summary>
    /// Forward and backward: returns Σ_rows −log p(target_r); writes dX (rows, H), and dW (V, H), db (V) (overwritten
    /// unless <paramref name="accumulateWeightGradient"/>, used when dW is the tied embedding's gradient).
    /// </summary>
    /// <param name="x">Decoder input (rows, H).</param>
    /// <param name="weight">Decoder weight (V, H).</param>
    /// <param name="bias">Decoder bias (V).</param>
    /// <param name="targets">Target id of each row.</param>
    /// <param name="scale">d loss / d (−log p) of each row (1/B for a loss summed over steps, averaged over the batch).</param>
    /// <param name="dX">Gradient of the decoder input (rows, H), overwritten.</param>
    /// <param name="dWeight">Gradient of the decoder weight (V, H).</param>
    /// <param name="dBias">Gradient of the decoder bias (V), overwritten.</param>
    /// <param name="accumulateWeightGradient">Add to dWeight instead of overwriting it.</param>
    public double ForwardBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> weight, ReadOnlySpan<float> bias,
        ReadOnlySpan<int> targets, float scale, Span<float> dX, Span<float> dWeight, Span<float> dBias,
        bool accumulateWeightGradient)
    {
        int rows = targets.Length, V = _vocabulary, H = _hidden;
        var g = _logits.AsSpan(0, rows * V);
        // (rows, V) = X (rows, H) · Wᵀ (H, V)
        Gemm.Multiply(false, true, rows, V, H, 1f, x, H, weight, H, 0f, g, V);
        RunRows(rows, bias, targets, scale, backward: true);
        // dW (V, H) = Gᵀ (V, rows) · X (rows, H);  dX (rows, H) = G (rows, V) · W (V, H)
        Gemm.Multiply(true, false, V, H, rows, 1f, g, V, x, H, accumulateWeightGradient ? 1f : 0f, dWeight, H);
        Gemm.Multiply(false, false, rows, H, V, 1f, g, V, weight, H, 0f, dX, H);
        SumColumns(rows, dBias);
        return SumLoss(rows);
    }

    /// <summary>Forward only: Σ_rows −log p(target_r).</summary>
    public double Loss(ReadOnlySpan<float> x, ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, ReadOnlySpan<int> targets)
    {
        int rows = targets.Length, V = _vocabulary, H = _hidden;
        Gemm.Multiply(false, true, rows, V, H, 1f, x, H, weight, H, 0f, _logits.AsSpan(0, rows * V), V);
        RunRows(rows, bias, targets, 0f, backward: false);
        return SumLoss(rows);
    }

    private double SumLoss(int rows)
    {
        double total = 0;
        for (int r = 0; r < rows; r++)
        {
            total += _rowLoss[r];     // fixed order: the same bits whatever the thread count
        }
        return total;
    }

    private unsafe void RunRows(int rows, ReadOnlySpan<float> bias, ReadOnlySpan<int> targets, float scale, bool backward)
    {
        if (rows > _maxRows)
        {
            throw new ArgumentOutOfRangeException(nameof(rows), rows, $"At most {_maxRows} rows per call.");
        }
        fixed (float* pLogits = _logits, pBias = bias, pPartial = _biasPartials)
        fixed (int* pTargets = targets)
        fixed (double* pLoss = _rowLoss)
        {
            var work = new RowWork
            {
                Logits = pLogits, Bias = pBias, Targets = pTargets, Loss = pLoss, BiasPartials = pPartial,
                V = _vocabulary, Rows = rows, Blocks = RowBlocks, Scale = scale, Backward = backward,
            };
            WorkerPool.Shared.Run(RowBlocks, work);
        }
    }

    /// <summary>db = Σ of the row blocks' partial sums, in block order (the same bits for any thread count).</summary>
    private void SumColumns(int rows, Span<float> dBias)
    {
        _ = rows;
        var partials = _biasPartials.AsSpan();
        partials[.._vocabulary].CopyTo(dBias);
        for (int b = 1; b < RowBlocks; b++)
        {
            TensorPrimitives.Add(dBias, partials.Slice(b * _vocabulary, _vocabulary), dBias);
        }
    }

    /// <summary>
    /// Softmax, loss and gradient of one fixed block of rows, in three passes over each row instead of six:
    /// (1) z += b and the maximum, (2) exp(z − max) and its sum, chunk by chunk while the chunk is in L1,
    /// (3) the gradient p·scale, added at once into the block's partial bias gradient.
    /// </summary>
    private unsafe struct RowWork : IParallelWork
    {
        private const int Chunk = 1024;
        public float* Logits, Bias, BiasPartials;
        public int* Targets;
        public double* Loss;
        public int V, Rows, Blocks;
        public float Scale;
        public bool Backward;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Execute(int index)
        {
            var bias = new ReadOnlySpan<float>(Bias, V);
            int per = (Rows + Blocks - 1) / Blocks;
            int start = Math.Min(Rows, index * per), end = Math.Min(Rows, start + per);
            var partial = new Span<float>(BiasPartials + (nint)index * V, V);
            if (Backward)
            {
                partial.Clear();
            }
            for (int r = start; r < end; r++)
            {
                var z = new Span<float>(Logits + (nint)r * V, V);
                int target = Targets[r];
                float max = AddAndMax(z, bias);
                float zTarget = z[target];
                double sum = 0;
                for (int c = 0; c < V; c += Chunk)
                {
                    var part = z.Slice(c, Math.Min(Chunk, V - c));
                    VectorExp.ExpShifted(part, max, 1f, part);
                    sum += TensorPrimitives.Sum(part);
                }
                // −log softmax(z)[t] = log Σ exp(z − max) − (z_t − max)
                Loss[r] = Math.Log(sum) - (zTarget - max);
                if (Backward)
                {
                    ScaleAndAccumulate(z, (float)(Scale / sum), partial);
                    z[target] -= Scale;
                    partial[target] -= Scale;
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static float AddAndMax(Span<float> z, ReadOnlySpan<float> bias)
        {
            int i = 0;
            float max = float.NegativeInfinity;
            if (Vector.IsHardwareAccelerated && z.Length >= Vector<float>.Count)
            {
                var vmax = new Vector<float>(float.NegativeInfinity);
                for (; i <= z.Length - Vector<float>.Count; i += Vector<float>.Count)
                {
                    var v = new Vector<float>(z[i..]) + new Vector<float>(bias[i..]);
                    v.CopyTo(z[i..]);
                    vmax = Vector.Max(vmax, v);
                }
                for (int k = 0; k < Vector<float>.Count; k++)
                {
                    max = MathF.Max(max, vmax[k]);
                }
            }
            for (; i < z.Length; i++)
            {
                z[i] += bias[i];
                max = MathF.Max(max, z[i]);
            }
            return max;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void ScaleAndAccumulate(Span<float> z, float factor, Span<float> partial)
        {
            int i = 0;
            if (Vector.IsHardwareAccelerated)
            {
                var f = new Vector<float>(factor);
                for (; i <= z.Length - Vector<float>.Count; i += Vector<float>.Count)
                {
                    var g = new Vector<float>(z[i..]) * f;
                    g.CopyTo(z[i..]);
                    (new Vector<float>(partial[i..]) + g).CopyTo(partial[i..]);
                }
            }
            for (; i < z.Length; i++)
            {
                z[i] *= factor;
                partial[i] += z[i];
            }
        }
    }
}
