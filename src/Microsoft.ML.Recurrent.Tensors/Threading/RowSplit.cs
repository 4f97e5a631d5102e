namespace Microsoft.ML.Recurrent.Tensors.Threading;

/// <summary>
/// Cuts a loop over independent rows into pieces for <see cref="WorkerPool.Shared"/>: one piece per thread, and
/// only when each piece has enough element-wise work to pay for waking a worker.
/// </summary>
internal static class RowSplit
{
    // Waking a worker costs a few microseconds; 2^16 elements of element-wise work (an exp, a subtract, a sum)
    // take about 50.
    private const long MinElementsPerPiece = 1 << 16;

    /// <summary>Number of pieces for <paramref name="rows"/> rows of <paramref name="width"/> elements (1 or more).</summary>
    public static int Pieces(int rows, int width)
    {
        long byWork = (long)rows * width / MinElementsPerPiece;
        return (int)Math.Max(1, Math.Min(Math.Min(WorkerPool.Shared.MaxDegreeOfParallelism, rows), byWork));
    }

    /// <summary>First row of piece <paramref name="index"/> of <paramref name="pieces"/> (piece i ends where i + 1 starts).</summary>
    public static int Start(int rows, int pieces, int index) => (int)((long)rows * index / pieces);
}
