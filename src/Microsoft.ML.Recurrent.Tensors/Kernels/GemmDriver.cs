using System.Runtime.CompilerServices;
using Microsoft.ML.Recurrent.Tensors.Threading;

namespace Microsoft.ML.Recurrent.Tensors.Kernels;

/// <summary>
/// The blocked multiply around a register tile (the BLIS loop nest): column blocks of Nc, depth blocks of Kc
/// (pack B), row blocks of Mc (pack A), then Nr × Mr register tiles.
/// </summary>
/// <remarks>
/// Threads split the output into disjoint column blocks (or row blocks when there are more row tiles than
/// column tiles), never the k reduction; every element is accumulated by the same operations in the same
/// order whichever thread computes it, so the result has the same bits for any thread count.
/// </remarks>
internal static unsafe class GemmDriver<TKernel> where TKernel : struct, IGemmMicroKernel
{
    // Below this much work (2·m·n·k flops) waking a second thread costs more than it saves: a wake-up is
    // a few microseconds, 2 MFLOP take about 20 µs on one core.
    private const double MinFlopsPerTask = 2e6;

    /// <summary>Computes the multiply described by <paramref name="args"/> on up to <paramref name="maxThreads"/> threads.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(in GemmArgs args, int maxThreads)
    {
        if (args.M == 0 || args.N == 0)
        {
            return;
        }

        if (args.K == 0)
        {
            ScaleC(args);
            return;
        }

        int rowTiles = (args.M + TKernel.Mr - 1) / TKernel.Mr;
        int columnTiles = (args.N + TKernel.Nr - 1) / TKernel.Nr;
        double flops = 2.0 * args.M * args.N * args.K;
        int threads = (int)Math.Min(maxThreads, flops / MinFlopsPerTask);
        if (threads <= 1)
        {
            Compute(args, 0, args.M, 0, args.N);
            return;
        }

        bool splitColumns = SplitColumns(args, rowTiles, columnTiles, threads);
        int tasks = Math.Min(threads, splitColumns ? columnTiles : rowTiles);
        if (tasks <= 1)
        {
            Compute(args, 0, args.M, 0, args.N);
            return;
        }

        var work = new Work { Args = args, Tasks = tasks, SplitColumns = splitColumns, Tiles = splitColumns ? columnTiles : rowTiles };
        WorkerPool.Shared.Run(tasks, work);
    }

    /// <summary>
    /// Chooses the dimension to split over <paramref name="threads"/>: the one whose slowest task (whole tiles,
    /// rounded up) plus the packing it repeats costs less. Splitting rows repeats the packing of B in every task;
    /// splitting columns repeats the packing of A once per column block of every task.
    /// </summary>
    private static bool SplitColumns(in GemmArgs args, int rowTiles, int columnTiles, int threads)
    {
        // Packing one element costs about as much as 30 flops of the kernel (0.3 ns against ~90 GFLOP/s).
        const double PackCost = 30;
        double depth = 2.0 * args.K;
        double aPack = (double)args.M * args.K;
        double bPack = args.PackedB == null ? (double)args.K * args.N : 0;
        int columnTilesPerTask = (columnTiles + threads - 1) / threads;
        int rowTilesPerTask = (rowTiles + threads - 1) / threads;
        int columnBlocksPerTask = (columnTilesPerTask * TKernel.Nr + TKernel.Nc - 1) / TKernel.Nc;
        double byColumns = depth * args.M * columnTilesPerTask * TKernel.Nr
            + PackCost * (aPack * columnBlocksPerTask + bPack / threads);
        double byRows = depth * args.N * rowTilesPerTask * TKernel.Mr
            + PackCost * (bPack + aPack / threads);
        return byColumns <= byRows;
    }

    private struct Work : IParallelWork
    {
        public GemmArgs Args;
        public int Tasks;
        public int Tiles;
        public bool SplitColumns;

        public readonly void Execute(int index)
        {
            int t0 = (int)((long)Tiles * index / Tasks);
            int t1 = (int)((long)Tiles * (index + 1) / Tasks);
            if (SplitColumns)
            {
                Compute(Args, 0, Args.M, t0 * TKernel.Nr, Math.Min(Args.N, t1 * TKernel.Nr));
            }
            else
            {
                Compute(Args, t0 * TKernel.Mr, Math.Min(Args.M, t1 * TKernel.Mr), 0, Args.N);
            }
        }
    }

    /// <summary>C rows [m0, m1) × columns [n0, n1), on the calling thread; n0 is a multiple of Nr.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Compute(in GemmArgs args, int m0, int m1, int n0, int n1)
    {
        GemmScratch scratch = GemmScratch.Current;
        float* aPack = scratch.A((nint)TKernel.Mc * TKernel.Kc);
        float* bPack = args.PackedB == null ? scratch.B((nint)TKernel.Kc * TKernel.Nc) : null;
        float* tile = scratch.Tile;
        int k = args.K;
        for (int jc = n0; jc < n1; jc += TKernel.Nc)
        {
            int nc = Math.Min(TKernel.Nc, n1 - jc);
            int blocks = GemmDepthBlocks.Count(k, TKernel.Kc);
            for (int block = 0; block < blocks; block++)
            {
                (int pc, int kc) = GemmDepthBlocks.Block(k, blocks, block);

                // Later depth blocks add to what the first one stored.
                float beta = pc == 0 ? args.Beta : 1f;
                float* bp;
                if (args.PackedB != null)
                {
                    bp = args.PackedB + (nint)pc * TKernel.Nr * args.PackedPanels + (nint)(jc / TKernel.Nr) * kc * TKernel.Nr;
                }
                else
                {
                    GemmPacking<TKernel>.PackB(args.TransB, args.B, args.Ldb, pc, kc, jc, nc, bPack);
                    bp = bPack;
                }

                for (int ic = m0; ic < m1; ic += TKernel.Mc)
                {
                    int mc = Math.Min(TKernel.Mc, m1 - ic);
                    GemmPacking<TKernel>.PackA(args.TransA, args.A, args.Lda, ic, mc, pc, kc, aPack);
                    MacroKernel(mc, nc, kc, aPack, bp, args.C + ic * args.Ldc + jc, args.Ldc, args.Alpha, beta, tile);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MacroKernel(int mc, int nc, int kc, float* aPack, float* bPack, float* c, nint ldc,
        float alpha, float beta, float* tile)
    {
        for (int jr = 0; jr < nc; jr += TKernel.Nr)
        {
            int nr = Math.Min(TKernel.Nr, nc - jr);
            float* bPanel = bPack + (nint)jr * kc;
            for (int ir = 0; ir < mc; ir += TKernel.Mr)
            {
                int mr = Math.Min(TKernel.Mr, mc - ir);
                float* aPanel = aPack + (nint)ir * kc;
                float* cTile = c + ir * ldc + jr;
                if (mr == TKernel.Mr && nr == TKernel.Nr)
                {
                    TKernel.Run(kc, aPanel, bPanel, cTile, ldc, alpha, beta);
                }
                else if (!TKernel.TryRunEdge(kc, aPanel, bPanel, cTile, ldc, alpha, beta, mr, nr))
                {
                    // Edge tile: run the full tile into a staging buffer (alpha 1, beta 0 store the exact sums),
                    // then apply the same store rule as the kernel to the part that exists.
                    TKernel.Run(kc, aPanel, bPanel, tile, TKernel.Nr, 1f, 0f);
                    MergeTile(tile, TKernel.Nr, cTile, ldc, mr, nr, alpha, beta);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MergeTile(float* tile, int ldt, float* c, nint ldc, int mr, int nr, float alpha, float beta)
    {
        for (int i = 0; i < mr; i++, tile += ldt, c += ldc)
        {
            if (beta == 0)
            {
                for (int j = 0; j < nr; j++)
                {
                    c[j] = alpha * tile[j];
                }
            }
            else
            {
                for (int j = 0; j < nr; j++)
                {
                    c[j] = MathF.FusedMultiplyAdd(tile[j], alpha, beta * c[j]);
                }
            }
        }
    }

    /// <summary>k = 0: the product is empty, so C = beta · C (0 when beta is 0, whatever C held).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ScaleC(in GemmArgs args)
    {
        for (int i = 0; i < args.M; i++)
        {
            var row = new Span<float>(args.C + i * args.Ldc, args.N);
            if (args.Beta == 0)
            {
                row.Clear();
            }
            else
            {
                System.Numerics.Tensors.TensorPrimitives.Multiply(row, args.Beta, row);
            }
        }
    }
}
