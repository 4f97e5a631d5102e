using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Microsoft.ML.Recurrent.Tensors.Threading;

namespace Microsoft.ML.Recurrent.Tensors.Kernels;

/// <summary>
/// C = alpha · op(A) · Bᵀ + beta · C for a few rows (<see cref="UseFor"/>), as dot products of rows of A with rows
/// of B (both contiguous along k), without packing B.
/// </summary>
/// <remarks>
/// Generating text multiplies one hidden state (m = 1) by an output layer of 10,000 × 650: packing that B costs
/// 20-40 times the multiply, and no panel is reused. Each element is the dot product of two contiguous rows:
/// 8-lane fused multiply-adds over whole vectors of k, a fixed-order horizontal sum, then the k mod 8 tail
/// with scalar fused multiply-adds, stored as in <see cref="IGemmMicroKernel"/>. The order depends on k only,
/// so results are the same for any thread count and on every path (the software FMA of machines without one
/// is exact), but differ in the last bits from the packed route this shape takes through a
/// <see cref="PackedMatrix"/>.
/// </remarks>
internal static unsafe class GemmSmallRows
{
    /// <summary>Largest m sent here whatever the size of B.</summary>
    public const int MaxRows = 4;

    /// <summary>Largest m sent here when B is too large for the L2 cache (see <see cref="UseFor"/>).</summary>
    public const int MaxRowsLargeB = 32;

    /// <summary>
    /// Whether op(A)·Bᵀ with B stored n×k goes here rather than through packing: always for m ≤ 4, and for
    /// m ≤ 32 when B holds at least 2²⁰ floats (4 MiB, past the 1 MiB L2): packing then streams B from memory
    /// twice, which cost more than the multiply (batch 20 × H 650 at one time step: 3.2 ms packed on the fly
    /// against OpenBLAS's 1.8 ms).
    /// </summary>
    public static bool UseFor(int m, int n, int k) =>
        m is > 0 and <= MaxRows || (m is > 0 and <= MaxRowsLargeB && (long)n * k >= 1 << 20);

    // Columns of C per task: 64 rows of B per task at least, so a wake-up is amortised.
    private const int ColumnsPerTaskMin = 64;

    /// <summary>Computes the multiply (transB, <see cref="UseFor"/>, k &gt; 0) on up to <paramref name="maxThreads"/> threads.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(in GemmArgs args, int maxThreads)
    {
        GemmArgs local = args;
        if (args.TransA)
        {
            // Rows of op(A) are columns of A: gather them once into contiguous rows.
            float* rows = GemmScratch.Current.A((nint)args.M * args.K);
            for (int i = 0; i < args.M; i++)
            {
                for (int p = 0; p < args.K; p++)
                {
                    rows[(nint)i * args.K + p] = args.A[p * args.Lda + i];
                }
            }

            local.A = rows;
            local.Lda = args.K;
            local.TransA = false;
        }

        double flops = 2.0 * args.M * args.N * args.K;
        int tasks = (int)Math.Min(Math.Min(maxThreads, flops / 2e6), (args.N + ColumnsPerTaskMin - 1) / ColumnsPerTaskMin);
        if (tasks <= 1)
        {
            Columns(local, 0, args.N);
            return;
        }

        WorkerPool.Shared.Run(tasks, new Work { Args = local, Tasks = tasks });
    }

    private struct Work : IParallelWork
    {
        public GemmArgs Args;
        public int Tasks;

        public readonly void Execute(int index)
        {
            int j0 = (int)((long)Args.N * index / Tasks);
            int j1 = (int)((long)Args.N * (index + 1) / Tasks);
            Columns(Args, j0, j1);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Columns(in GemmArgs args, int j0, int j1)
    {
        int k = args.K;
        int j = j0;
        for (; j + 4 <= j1; j += 4)
        {
            // Four rows of B (4·k floats) stay in L1 while every row of A passes over them.
            float* b = args.B + j * args.Ldb;
            int i = 0;
            for (; i + 3 <= args.M; i += 3)
            {
                Dot3x4(args.A + i * args.Lda, args.Lda, b, args.Ldb, k, args.C + i * args.Ldc + j, args.Ldc, args.Alpha, args.Beta);
            }

            for (; i < args.M; i++)
            {
                Dot4(args.A + i * args.Lda, b, args.Ldb, k, args.C + i * args.Ldc + j, args.Alpha, args.Beta);
            }
        }

        for (; j < j1; j++)
        {
            for (int i = 0; i < args.M; i++)
            {
                float* c = args.C + i * args.Ldc + j;
                Store(c, Dot1(args.A + i * args.Lda, args.B + j * args.Ldb, k), args.Alpha, args.Beta);
            }
        }
    }

    /// <summary>
    /// Twelve dot products, three rows of A by four rows of B (7 loads per 12 FMAs), each in the order of
    /// <see cref="Dot1"/>: twelve independent accumulators cover the FMA latency. The one or two rows left over go through <see cref="Dot4"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Dot3x4(float* a, nint lda, float* b, nint ldb, int k, float* c, nint ldc, float alpha, float beta)
    {
        Vector256<float> s00 = Vector256<float>.Zero, s01 = Vector256<float>.Zero;
        Vector256<float> s02 = Vector256<float>.Zero, s03 = Vector256<float>.Zero;
        Vector256<float> s10 = Vector256<float>.Zero, s11 = Vector256<float>.Zero;
        Vector256<float> s12 = Vector256<float>.Zero, s13 = Vector256<float>.Zero;
        Vector256<float> s20 = Vector256<float>.Zero, s21 = Vector256<float>.Zero;
        Vector256<float> s22 = Vector256<float>.Zero, s23 = Vector256<float>.Zero;
        float* a1 = a + lda, a2 = a + 2 * lda;
        float* b1 = b + ldb, b2 = b + 2 * ldb, b3 = b + 3 * ldb;
        int p = 0;
        for (; p + 8 <= k; p += 8)
        {
            Vector256<float> x0 = Vector256.Load(a + p);
            Vector256<float> x1 = Vector256.Load(a1 + p);
            Vector256<float> x2 = Vector256.Load(a2 + p);
            Vector256<float> y = Vector256.Load(b + p);
            s00 = Vector256.FusedMultiplyAdd(x0, y, s00);
            s10 = Vector256.FusedMultiplyAdd(x1, y, s10);
            s20 = Vector256.FusedMultiplyAdd(x2, y, s20);
            y = Vector256.Load(b1 + p);
            s01 = Vector256.FusedMultiplyAdd(x0, y, s01);
            s11 = Vector256.FusedMultiplyAdd(x1, y, s11);
            s21 = Vector256.FusedMultiplyAdd(x2, y, s21);
            y = Vector256.Load(b2 + p);
            s02 = Vector256.FusedMultiplyAdd(x0, y, s02);
            s12 = Vector256.FusedMultiplyAdd(x1, y, s12);
            s22 = Vector256.FusedMultiplyAdd(x2, y, s22);
            y = Vector256.Load(b3 + p);
            s03 = Vector256.FusedMultiplyAdd(x0, y, s03);
            s13 = Vector256.FusedMultiplyAdd(x1, y, s13);
            s23 = Vector256.FusedMultiplyAdd(x2, y, s23);
        }

        StoreRow(c, s00, s01, s02, s03, a, b, ldb, p, k, alpha, beta);
        StoreRow(c + ldc, s10, s11, s12, s13, a1, b, ldb, p, k, alpha, beta);
        StoreRow(c + 2 * ldc, s20, s21, s22, s23, a2, b, ldb, p, k, alpha, beta);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow(float* c, Vector256<float> s0, Vector256<float> s1, Vector256<float> s2, Vector256<float> s3,
        float* a, float* b, nint ldb, int p, int k, float alpha, float beta)
    {
        Store(c, Tail(Vector256.Sum(s0), a, b, p, k), alpha, beta);
        Store(c + 1, Tail(Vector256.Sum(s1), a, b + ldb, p, k), alpha, beta);
        Store(c + 2, Tail(Vector256.Sum(s2), a, b + 2 * ldb, p, k), alpha, beta);
        Store(c + 3, Tail(Vector256.Sum(s3), a, b + 3 * ldb, p, k), alpha, beta);
    }

    /// <summary>Four dot products of one row of A with four rows of B, stored into c[0..3].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Dot4(float* a, float* b, nint ldb, int k, float* c, float alpha, float beta)
    {
        Vector256<float> s0 = Vector256<float>.Zero, s1 = Vector256<float>.Zero;
        Vector256<float> s2 = Vector256<float>.Zero, s3 = Vector256<float>.Zero;
        float* b1 = b + ldb, b2 = b + 2 * ldb, b3 = b + 3 * ldb;
        int p = 0;
        for (; p + 8 <= k; p += 8)
        {
            Vector256<float> av = Vector256.Load(a + p);
            s0 = Vector256.FusedMultiplyAdd(av, Vector256.Load(b + p), s0);
            s1 = Vector256.FusedMultiplyAdd(av, Vector256.Load(b1 + p), s1);
            s2 = Vector256.FusedMultiplyAdd(av, Vector256.Load(b2 + p), s2);
            s3 = Vector256.FusedMultiplyAdd(av, Vector256.Load(b3 + p), s3);
        }

        float d0 = Tail(Vector256.Sum(s0), a, b, p, k);
        float d1 = Tail(Vector256.Sum(s1), a, b1, p, k);
        float d2 = Tail(Vector256.Sum(s2), a, b2, p, k);
        float d3 = Tail(Vector256.Sum(s3), a, b3, p, k);
        Store(c, d0, alpha, beta);
        Store(c + 1, d1, alpha, beta);
        Store(c + 2, d2, alpha, beta);
        Store(c + 3, d3, alpha, beta);
    }

    /// <summary>One dot product, in exactly the order of one lane of <see cref="Dot4"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float Dot1(float* a, float* b, int k)
    {
        Vector256<float> s = Vector256<float>.Zero;
        int p = 0;
        for (; p + 8 <= k; p += 8)
        {
            s = Vector256.FusedMultiplyAdd(Vector256.Load(a + p), Vector256.Load(b + p), s);
        }

        return Tail(Vector256.Sum(s), a, b, p, k);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Tail(float sum, float* a, float* b, int p, int k)
    {
        for (; p < k; p++)
        {
            sum = MathF.FusedMultiplyAdd(a[p], b[p], sum);
        }

        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* c, float acc, float alpha, float beta)
        => *c = beta == 0 ? alpha * acc : MathF.FusedMultiplyAdd(acc, alpha, beta * *c);
}
