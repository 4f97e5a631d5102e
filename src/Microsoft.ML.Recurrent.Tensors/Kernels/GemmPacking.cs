using System.Runtime.CompilerServices;

namespace Microsoft.ML.Recurrent.Tensors.Kernels;

/// <summary>
/// Copies blocks of op(A) and op(B) into the panel layouts the register tiles read contiguously.
/// </summary>
/// <remarks>
/// Packed A (an mc × kc block of op(A)): panels of <c>mr</c> rows, each stored k-major (<c>mr</c> values per step
/// of k). Packed B (a kc × nc block of op(B)): panels of <c>nr</c> columns, each stored k-major (<c>nr</c> values
/// per step of k). Rows or columns past the matrix edge are zero, so edge tiles run the full kernel.
/// </remarks>
internal static unsafe class GemmPacking
{
    /// <summary>Packs rows [i0, i0+mc) and depth [p0, p0+kc) of op(A).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackA(bool transA, float* a, nint lda, int i0, int mc, int p0, int kc, float* dst, int mr)
    {
        for (int ir = 0; ir < mc; ir += mr)
        {
            int rows = Math.Min(mr, mc - ir);
            if (transA)
            {
                // A is stored k × m: the mr values of one step of k are contiguous.
                float* src = a + (nint)p0 * lda + i0 + ir;
                for (int p = 0; p < kc; p++, src += lda, dst += mr)
                {
                    int i = 0;
                    for (; i < rows; i++)
                    {
                        dst[i] = src[i];
                    }

                    for (; i < mr; i++)
                    {
                        dst[i] = 0;
                    }
                }
            }
            else
            {
                // A is stored m × k: walk each row along k and write with stride mr.
                for (int i = 0; i < mr; i++)
                {
                    float* d = dst + i;
                    if (i < rows)
                    {
                        float* src = a + (nint)(i0 + ir + i) * lda + p0;
                        for (int p = 0; p < kc; p++, d += mr)
                        {
                            *d = src[p];
                        }
                    }
                    else
                    {
                        for (int p = 0; p < kc; p++, d += mr)
                        {
                            *d = 0;
                        }
                    }
                }

                dst += (nint)mr * kc;
            }
        }
    }

    /// <summary>Packs depth [p0, p0+kc) and columns [j0, j0+nc) of op(B).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackB(bool transB, float* b, nint ldb, int p0, int kc, int j0, int nc, float* dst, int nr)
    {
        for (int jr = 0; jr < nc; jr += nr)
        {
            int cols = Math.Min(nr, nc - jr);
            if (!transB)
            {
                // B is stored k × n: the nr values of one step of k are contiguous.
                float* src = b + (nint)p0 * ldb + j0 + jr;
                if (cols == nr)
                {
                    for (int p = 0; p < kc; p++, src += ldb, dst += nr)
                    {
                        Buffer.MemoryCopy(src, dst, nr * sizeof(float), nr * sizeof(float));
                    }
                }
                else
                {
                    for (int p = 0; p < kc; p++, src += ldb, dst += nr)
                    {
                        int j = 0;
                        for (; j < cols; j++)
                        {
                            dst[j] = src[j];
                        }

                        for (; j < nr; j++)
                        {
                            dst[j] = 0;
                        }
                    }
                }
            }
            else
            {
                // B is stored n × k: walk each column of op(B) along k and write with stride nr.
                PackTransposedPanel(b + (nint)(j0 + jr) * ldb + p0, ldb, kc, cols, dst, nr);
                dst += (nint)nr * kc;
            }
        }
    }

    private static void PackTransposedPanel(float* src, nint ldb, int kc, int cols, float* dst, int nr)
    {
        for (int j = 0; j < nr; j++)
        {
            float* d = dst + j;
            if (j < cols)
            {
                float* s = src + j * ldb;
                for (int p = 0; p < kc; p++, d += nr)
                {
                    *d = s[p];
                }
            }
            else
            {
                for (int p = 0; p < kc; p++, d += nr)
                {
                    *d = 0;
                }
            }
        }
    }
}
