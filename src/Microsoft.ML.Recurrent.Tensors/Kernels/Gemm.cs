using Microsoft.ML.Recurrent.Tensors.Threading;

namespace Microsoft.ML.Recurrent.Tensors.Kernels;

/// <summary>
/// Single-precision general matrix multiply on row-major spans:
/// <c>C[m×n] = alpha · op(A) · op(B) + beta · C</c>, where <c>op(X)</c> is <c>X</c> or <c>Xᵀ</c>.
/// </summary>
/// <remarks>
/// <para>Row-major: element (i, j) of a matrix with leading dimension <c>ld</c> sits at <c>i·ld + j</c>.
/// <c>op(A)</c> is m×k (so A is m×k, or k×m when transposed), <c>op(B)</c> is k×n.
/// When <c>beta</c> is 0, C is overwritten and its previous contents (even NaN) are ignored, as in BLAS.
/// C must not overlap A or B (A and B may overlap each other).</para>
/// <para>Paths: AVX-512, AVX2 + FMA or portable <see cref="System.Runtime.Intrinsics.Vector128"/>, chosen once at
/// JIT time. Shapes of at least a few MFLOP run on <see cref="WorkerPool.Shared"/>; the result has the same bits
/// whatever its <see cref="WorkerPool.MaxDegreeOfParallelism"/>. Each product is a chain of fused multiply-adds
/// in increasing k within ⌈k/256⌉ near-equal depth blocks, so results differ from a naive loop by rounding only
/// (docs/kernels.md).</para>
/// <para>For a B reused by many multiplies (a recurrent weight at every time step), pack it once into a
/// <see cref="PackedMatrix"/> and call <see cref="Multiply(bool, int, int, int, float, ReadOnlySpan{float}, int, PackedMatrix, float, Span{float}, int)"/>.</para>
/// </remarks>
public static partial class Gemm
{
    /// <summary>The fastest path this machine supports.</summary>
    internal static GemmPath BestPath { get; } =
        GemmKernelAvx512.IsSupported ? GemmPath.Avx512 :
        GemmKernelAvx2.IsSupported ? GemmPath.Avx2 :
        GemmPath.Portable;

    /// <summary>Computes <c>C = alpha · op(A) · op(B) + beta · C</c>.</summary>
    /// <param name="transA">Use Aᵀ.</param>
    /// <param name="transB">Use Bᵀ.</param>
    /// <param name="m">Rows of op(A) and C.</param>
    /// <param name="n">Columns of op(B) and C.</param>
    /// <param name="k">Columns of op(A), rows of op(B).</param>
    /// <param name="alpha">Scale of the product.</param>
    /// <param name="a">Matrix A, row-major.</param>
    /// <param name="lda">Leading dimension (row stride) of A as stored.</param>
    /// <param name="b">Matrix B, row-major.</param>
    /// <param name="ldb">Leading dimension of B as stored.</param>
    /// <param name="beta">Scale of the existing C; 0 overwrites C.</param>
    /// <param name="c">Matrix C, row-major, m×n.</param>
    /// <param name="ldc">Leading dimension of C.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is negative or a leading dimension is smaller than its row.</exception>
    /// <exception cref="ArgumentException">A span is too short for its matrix; the message names it and gives all three shapes.</exception>
    public static void Multiply(bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
        => Multiply(BestPath, WorkerPool.Shared.MaxDegreeOfParallelism, transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);

    /// <summary>Computes <c>C = alpha · op(A) · B + beta · C</c> with B packed in advance.</summary>
    /// <param name="transA">Use Aᵀ.</param>
    /// <param name="m">Rows of op(A) and C.</param>
    /// <param name="n">Columns of op(B) and C; must equal <see cref="PackedMatrix.N"/>.</param>
    /// <param name="k">Columns of op(A); must equal <see cref="PackedMatrix.K"/>.</param>
    /// <param name="alpha">Scale of the product.</param>
    /// <param name="a">Matrix A, row-major.</param>
    /// <param name="lda">Leading dimension of A as stored.</param>
    /// <param name="b">op(B), k×n, packed by <see cref="PackedMatrix.Pack"/>.</param>
    /// <param name="beta">Scale of the existing C; 0 overwrites C.</param>
    /// <param name="c">Matrix C, row-major, m×n.</param>
    /// <param name="ldc">Leading dimension of C.</param>
    /// <exception cref="ArgumentException">The packed matrix is not k×n, or a span is too short.</exception>
    public static void Multiply(bool transA, int m, int n, int k, float alpha, ReadOnlySpan<float> a, int lda,
        PackedMatrix b, float beta, Span<float> c, int ldc)
        => Multiply(WorkerPool.Shared.MaxDegreeOfParallelism, transA, m, n, k, alpha, a, lda, b, beta, c, ldc);

    /// <summary>The multiply on a chosen path and thread bound (tests and benchmarks).</summary>
    internal static unsafe void Multiply(GemmPath path, int maxThreads, bool transA, bool transB, int m, int n, int k,
        float alpha, ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
    {
        GemmValidation.CheckSizes(m, n, k);
        GemmValidation.CheckMatrix(nameof(a), nameof(lda), a.Length, lda, transA ? k : m, transA ? m : k, transA, transB, m, n, k);
        GemmValidation.CheckMatrix(nameof(b), nameof(ldb), b.Length, ldb, transB ? n : k, transB ? k : n, transA, transB, m, n, k);
        GemmValidation.CheckMatrix(nameof(c), nameof(ldc), c.Length, ldc, m, n, transA, transB, m, n, k);
        fixed (float* pa = a, pb = b, pc = c)
        {
            var args = new GemmArgs
            {
                TransA = transA, TransB = transB, M = m, N = n, K = k, Alpha = alpha, Beta = beta,
                A = pa, Lda = lda, B = pb, Ldb = ldb, C = pc, Ldc = ldc,
            };
            Run(path, args, maxThreads);
        }
    }

    /// <summary>The prepacked multiply with a chosen thread bound (tests and benchmarks).</summary>
    internal static unsafe void Multiply(int maxThreads, bool transA, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, PackedMatrix b, float beta, Span<float> c, int ldc)
    {
        ArgumentNullException.ThrowIfNull(b);
        GemmValidation.CheckSizes(m, n, k);
        GemmValidation.CheckPacked(b, m, n, k, transA);
        GemmValidation.CheckMatrix(nameof(a), nameof(lda), a.Length, lda, transA ? k : m, transA ? m : k, transA, false, m, n, k);
        GemmValidation.CheckMatrix(nameof(c), nameof(ldc), c.Length, ldc, m, n, transA, false, m, n, k);
        fixed (float* pa = a, pc = c)
        {
            var args = new GemmArgs
            {
                TransA = transA, M = m, N = n, K = k, Alpha = alpha, Beta = beta,
                A = pa, Lda = lda, C = pc, Ldc = ldc,
                PackedB = b.Data, PackedPanels = b.Panels,
            };
            Run(b.Path, args, maxThreads);
            GC.KeepAlive(b);
        }
    }

    private static unsafe void Run(GemmPath path, in GemmArgs args, int maxThreads)
    {
        if (args.TransB && args.PackedB == null && args.N > 0 && args.K > 0 && GemmSmallRows.UseFor(args.M, args.N, args.K))
        {
            // A row or a few times a weight stored [out, in]: dot products beat packing a B used once.
            GemmSmallRows.Multiply(args, maxThreads);
            return;
        }

        switch (path)
        {
            case GemmPath.Avx512:
                GemmDriver<GemmKernelAvx512>.Multiply(args, maxThreads);
                break;
            case GemmPath.Avx2:
                if (!GemmKernelAvx2.IsSupported)
                {
                    throw new PlatformNotSupportedException("The AVX2 GEMM path needs AVX2 and FMA, which this processor lacks.");
                }

                GemmDriver<GemmKernelAvx2>.Multiply(args, maxThreads);
                break;
            default:
                GemmDriver<GemmKernelPortable>.Multiply(args, maxThreads);
                break;
        }
    }

    /// <summary>Register tile geometry of a path: (rows, columns, depth block).</summary>
    internal static (int Mr, int Nr, int Kc) Tile(GemmPath path) => path switch
    {
        GemmPath.Avx512 => (GemmKernelAvx512.Mr, GemmKernelAvx512.Nr, GemmKernelAvx512.Kc),
        GemmPath.Avx2 => (GemmKernelAvx2.Mr, GemmKernelAvx2.Nr, GemmKernelAvx2.Kc),
        _ => (GemmKernelPortable.Mr, GemmKernelPortable.Nr, GemmKernelPortable.Kc),
    };
}
