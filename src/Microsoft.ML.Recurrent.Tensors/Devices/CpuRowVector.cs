using System.Numerics.Tensors;
using Microsoft.ML.Recurrent.Tensors.Threading;

namespace Microsoft.ML.Recurrent.Tensors.Devices;

/// <summary>
/// A bias vector against the rows of a matrix: added to every row (a linear layer's forward) and the rows summed
/// into it (its backward), split across <see cref="WorkerPool.Shared"/> when the matrix is large.
/// </summary>
/// <remarks>
/// For a 10k-vocabulary output layer these are 7 M-element passes over 28 MB, bound by memory; on one thread they
/// left the second core idle. The sum splits columns, never rows, so every column is still accumulated in row order:
/// the same bits for any number of threads.
/// </remarks>
internal static unsafe class CpuRowVector
{
    // Column pieces are whole cache lines (16 floats), so two threads never write the same line of dst.
    private const int ColumnAlignment = 16;

    /// <summary><c>matrix[i, :] += row</c> for every row i.</summary>
    public static void AddToEveryRow(Span<float> matrix, ReadOnlySpan<float> row)
    {
        int width = row.Length;
        if (width == 0)
        {
            return;
        }

        int rows = matrix.Length / width;
        fixed (float* m = matrix, r = row)
        {
            var work = new AddRows { Matrix = m, Row = r, Width = width, Rows = rows, Pieces = RowSplit.Pieces(rows, width) };
            WorkerPool.Shared.Run(work.Pieces, work);
        }
    }

    /// <summary><c>dst += Σ_i matrix[i, :]</c>.</summary>
    public static void SumRowsInto(ReadOnlySpan<float> matrix, Span<float> dst)
    {
        int width = dst.Length;
        if (width == 0)
        {
            return;
        }

        int rows = matrix.Length / width;
        int blocks = (width + ColumnAlignment - 1) / ColumnAlignment;
        fixed (float* m = matrix, d = dst)
        {
            var work = new SumColumns
            {
                Matrix = m, Dst = d, Width = width, Rows = rows, Blocks = blocks,
                Pieces = Math.Min(blocks, RowSplit.Pieces(rows, width)),
            };
            WorkerPool.Shared.Run(work.Pieces, work);
        }
    }

    private struct AddRows : IParallelWork
    {
        public float* Matrix;
        public float* Row;
        public int Width;
        public int Rows;
        public int Pieces;

        public readonly void Execute(int index)
        {
            var row = new ReadOnlySpan<float>(Row, Width);
            int end = RowSplit.Start(Rows, Pieces, index + 1);
            for (int i = RowSplit.Start(Rows, Pieces, index); i < end; i++)
            {
                var dst = new Span<float>(Matrix + (nint)i * Width, Width);
                TensorPrimitives.Add(dst, row, dst);
            }
        }
    }

    private struct SumColumns : IParallelWork
    {
        public float* Matrix;
        public float* Dst;
        public int Width;
        public int Rows;
        public int Blocks;
        public int Pieces;

        public readonly void Execute(int index)
        {
            int j0 = RowSplit.Start(Blocks, Pieces, index) * ColumnAlignment;
            int j1 = Math.Min(Width, RowSplit.Start(Blocks, Pieces, index + 1) * ColumnAlignment);
            var dst = new Span<float>(Dst + j0, j1 - j0);
            for (int i = 0; i < Rows; i++)
            {
                TensorPrimitives.Add(dst, new ReadOnlySpan<float>(Matrix + (nint)i * Width + j0, j1 - j0), dst);
            }
        }
    }
}
