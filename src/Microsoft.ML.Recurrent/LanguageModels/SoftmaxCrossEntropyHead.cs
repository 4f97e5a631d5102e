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

    public SoftmaxCrossEntropyHead(int vocabulary, int hidden, int maxRows)
    {
        _vocabulary = vocabulary;
        _hidden = hidden;
        _maxRows = maxRows;
        _logits = GC.AllocateUninitializedArray<float>(checked(maxRows * vocabulary), pinned: true);
        _rowLoss = new double[maxRows];
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
        fixed (float* pLogits = _logits, pBias = bias)
        fixed (int* pTargets = targets)
        fixed (double* pLoss = _rowLoss)
        {
            var work = new RowWork
            {
                Logits = pLogits, Bias = pBias, Targets = pTargets, Loss = pLoss,
                V = _vocabulary, Rows = rows, Scale = scale, Backward = backward,
            };
            int chunks = (rows + RowWork.RowsPerChunk - 1) / RowWork.RowsPerChunk;
            WorkerPool.Shared.Run(chunks, work);
        }
    }

    private unsafe void SumColumns(int rows, Span<float> dBias)
    {
        fixed (float* pLogits = _logits, pBias = dBias)
        {
            var work = new ColumnWork { Logits = pLogits, Out = pBias, V = _vocabulary, Rows = rows };
            WorkerPool.Shared.Run((_vocabulary + ColumnWork.Columns - 1) / ColumnWork.Columns, work);
        }
    }

    /// <summary>Softmax, loss and gradient of a block of rows.</summary>
    private unsafe struct RowWork : IParallelWork
    {
        public const int RowsPerChunk = 8;
        public float* Logits, Bias;
        public int* Targets;
        public double* Loss;
        public int V, Rows;
        public float Scale;
        public bool Backward;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Execute(int index)
        {
            var bias = new ReadOnlySpan<float>(Bias, V);
            int end = Math.Min(Rows, (index + 1) * RowsPerChunk);
            for (int r = index * RowsPerChunk; r < end; r++)
            {
                var z = new Span<float>(Logits + (nint)r * V, V);
                TensorPrimitives.Add(z, bias, z);
                int target = Targets[r];
                float max = TensorPrimitives.Max(z);
                float zTarget = z[target];
                TensorPrimitives.Subtract(z, max, z);
                TensorPrimitives.Exp(z, z);
                float sum = TensorPrimitives.Sum(z);
                // −log softmax(z)[t] = log Σ exp(z − max) − (z_t − max)
                Loss[r] = Math.Log(sum) - (zTarget - max);
                if (Backward)
                {
                    TensorPrimitives.Multiply(z, Scale / sum, z);
                    z[target] -= Scale;
                }
            }
        }
    }

    /// <summary>Column sums of the gradient (the bias gradient), a block of columns per index, rows in order.</summary>
    private unsafe struct ColumnWork : IParallelWork
    {
        public const int Columns = 1024;
        public float* Logits, Out;
        public int V, Rows;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Execute(int index)
        {
            int start = index * Columns, width = Math.Min(Columns, V - start);
            var dst = new Span<float>(Out + start, width);
            new ReadOnlySpan<float>(Logits + start, width).CopyTo(dst);
            for (int r = 1; r < Rows; r++)
            {
                TensorPrimitives.Add(dst, new ReadOnlySpan<float>(Logits + (nint)r * V + start, width), dst);
            }
        }
    }
}
