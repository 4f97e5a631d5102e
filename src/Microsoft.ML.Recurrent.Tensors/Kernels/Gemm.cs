namespace Microsoft.ML.Recurrent.Tensors.Kernels;

/// <summary>
/// Single-precision general matrix multiply on row-major spans:
/// <c>C[m×n] = alpha · op(A) · op(B) + beta · C</c>, where <c>op(X)</c> is <c>X</c> or <c>Xᵀ</c>.
/// </summary>
/// <remarks>
/// Row-major: element (i, j) of a matrix with leading dimension <c>ld</c> sits at <c>i·ld + j</c>.
/// <c>op(A)</c> is m×k (so A is m×k, or k×m when transposed), <c>op(B)</c> is k×n.
/// When <c>beta</c> is 0, C is overwritten and its previous contents (even NaN) are ignored, as in BLAS.
/// </remarks>
public static partial class Gemm
{
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
    public static void Multiply(bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
    {
        GemmReference.Multiply(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }
}
