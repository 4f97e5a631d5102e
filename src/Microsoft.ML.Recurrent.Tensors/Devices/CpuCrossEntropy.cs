using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using Microsoft.ML.Recurrent.Tensors.Kernels;
using Microsoft.ML.Recurrent.Tensors.Threading;

namespace Microsoft.ML.Recurrent.Tensors.Devices;

/// <summary>
/// Cross-entropy over the rows of a logit matrix, forward and backward, with the rows split across
/// <see cref="WorkerPool.Shared"/>.
/// </summary>
/// <remarks>
/// <para>Two passes over each row forward (max, then Σexp), one backward, and no (N, C) log-probability tensor: with
/// a 10k vocabulary that tensor was 28 MB written and re-read per step. The exps are <see cref="VectorExp"/>'s.</para>
/// <para>With a 10k vocabulary these loops were a fifth of a two-core language-model step while one core idled.
/// Each row is computed by one thread; the per-row losses are summed afterwards in row order, so the loss has the
/// same bits for any number of threads.</para>
/// </remarks>
internal static unsafe class CpuCrossEntropy
{
    /// <summary>Writes log Σ exp of every row to <paramref name="logSumExp"/> and returns the summed negative
    /// log-likelihood over the rows whose target is not <paramref name="ignoreIndex"/>.</summary>
    public static double Forward(ReadOnlySpan<float> logits, int width, ReadOnlySpan<int> targets, int ignoreIndex,
        float labelSmoothing, Span<float> logSumExp, out int counted)
    {
        int rows = targets.Length;
        double[] losses = ArrayPool<double>.Shared.Rent(rows);
        try
        {
            fixed (float* x = logits, lse = logSumExp)
            fixed (int* t = targets)
            fixed (double* nll = losses)
            {
                var work = new ForwardRows
                {
                    Logits = x, Width = width, Targets = t, Rows = rows, IgnoreIndex = ignoreIndex,
                    LabelSmoothing = labelSmoothing, LogSumExp = lse, Losses = nll,
                    Pieces = RowSplit.Pieces(rows, width),
                };
                WorkerPool.Shared.Run(work.Pieces, work);
            }

            double total = 0;
            counted = 0;
            for (int r = 0; r < rows; r++)
            {
                if (targets[r] != ignoreIndex)
                {
                    total += losses[r];
                    counted++;
                }
            }

            return total;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(losses);
        }
    }

    /// <summary>Writes (or adds, when <paramref name="accumulate"/>) <paramref name="scale"/> times the gradient
    /// with respect to the logits; rows whose target is <paramref name="ignoreIndex"/> get zero.</summary>
    public static void Backward(ReadOnlySpan<float> logits, int width, ReadOnlySpan<float> logSumExp,
        ReadOnlySpan<int> targets, int ignoreIndex, float labelSmoothing, float scale, Span<float> dLogits, bool accumulate)
    {
        int rows = targets.Length;
        fixed (float* x = logits, lse = logSumExp, dx = dLogits)
        fixed (int* t = targets)
        {
            var work = new BackwardRows
            {
                Logits = x, Width = width, Targets = t, Rows = rows, IgnoreIndex = ignoreIndex,
                LabelSmoothing = labelSmoothing, Scale = scale, LogSumExp = lse, DLogits = dx, Accumulate = accumulate,
                Pieces = RowSplit.Pieces(rows, width),
            };
            WorkerPool.Shared.Run(work.Pieces, work);
        }
    }

    private struct ForwardRows : IParallelWork
    {
        public float* Logits;
        public int Width;
        public int* Targets;
        public int Rows;
        public int IgnoreIndex;
        public float LabelSmoothing;
        public float* LogSumExp;
        public double* Losses;
        public int Pieces;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public readonly void Execute(int index)
        {
            int end = RowSplit.Start(Rows, Pieces, index + 1);
            for (int r = RowSplit.Start(Rows, Pieces, index); r < end; r++)
            {
                var row = new ReadOnlySpan<float>(Logits + (nint)r * Width, Width);
                float max = TensorPrimitives.Max(row);
                float sum = VectorExp.SumOfExpShifted(row, max);
                float logZ = max + MathF.Log(sum);
                LogSumExp[r] = logZ;
                int target = Targets[r];
                if (target == IgnoreIndex)
                {
                    continue;
                }

                double nll = logZ - row[target];
                if (LabelSmoothing != 0f)
                {
                    double uniform = logZ - (double)TensorPrimitives.Sum(row) / Width;
                    nll = (1 - LabelSmoothing) * nll + LabelSmoothing * uniform;
                }

                Losses[r] = nll;
            }
        }
    }

    private struct BackwardRows : IParallelWork
    {
        public float* Logits;
        public int Width;
        public int* Targets;
        public int Rows;
        public int IgnoreIndex;
        public float LabelSmoothing;
        public float Scale;
        public float* LogSumExp;
        public float* DLogits;
        public bool Accumulate;
        public int Pieces;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public readonly void Execute(int index)
        {
            float smooth = Scale * LabelSmoothing / Width;
            int end = RowSplit.Start(Rows, Pieces, index + 1);
            for (int r = RowSplit.Start(Rows, Pieces, index); r < end; r++)
            {
                var outRow = new Span<float>(DLogits + (nint)r * Width, Width);
                if (Targets[r] == IgnoreIndex)
                {
                    if (!Accumulate)
                    {
                        outRow.Clear();
                    }

                    continue;
                }

                // d/dlogits of -(1-ε)·logp[t] - ε/C·Σ logp = softmax - (1-ε)·onehot - ε/C (the softmax terms sum to 1).
                var row = new ReadOnlySpan<float>(Logits + (nint)r * Width, Width);
                if (Accumulate)
                {
                    VectorExp.ExpShiftedAdd(row, LogSumExp[r], Scale, outRow);
                }
                else
                {
                    VectorExp.ExpShifted(row, LogSumExp[r], Scale, outRow);
                }

                if (smooth != 0f)
                {
                    TensorPrimitives.Subtract(outRow, smooth, outRow);
                }

                outRow[Targets[r]] -= Scale * (1f - LabelSmoothing);
            }
        }
    }
}
