using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Microsoft.ML.Recurrent.Tensors.Kernels;

/// <summary>
/// Copies blocks of op(A) and op(B) into the panel layouts the register tile <typeparamref name="TKernel"/> reads
/// contiguously.
/// </summary>
/// <remarks>
/// <para>Packed A (an mc × kc block of op(A)): panels of Mr rows, each stored k-major (Mr values per step of k).
/// Packed B (a kc × nc block of op(B)): panels of Nr columns, each stored k-major (Nr values per step of k).
/// Rows or columns past the matrix edge are zero, so edge tiles run the full kernel.</para>
/// <para>The layouts that need a transpose (A as stored, Bᵀ) go through 4×8 and 8×8 AVX register transposes:
/// scalar packing cost about 2 ns per element, 10-15% of a multiply such as the LSTM input projection.</para>
/// </remarks>
internal static unsafe class GemmPacking<TKernel> where TKernel : struct, IGemmMicroKernel
{
    private const int PrefetchRows = 8;

    /// <summary>Packs rows [i0, i0+mc) and depth [p0, p0+kc) of op(A).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackA(bool transA, float* a, nint lda, int i0, int mc, int p0, int kc, float* dst)
    {
        int mr = TKernel.Mr;
        if (transA)
        {
            // A is stored k × m: the Mr values of one step of k are contiguous, and so are all mc of them.
            PackRowsIntoPanels(a + (nint)p0 * lda + i0, lda, kc, mc, dst, mr);
            return;
        }

        for (int ir = 0; ir < mc; ir += mr, dst += (nint)mr * kc)
        {
            // A is stored m × k: Mr rows read along k, transposed.
            PackStrided(a + (nint)(i0 + ir) * lda + p0, lda, kc, Math.Min(mr, mc - ir), dst, mr);
        }
    }

    /// <summary>Packs depth [p0, p0+kc) and columns [j0, j0+nc) of op(B).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackB(bool transB, float* b, nint ldb, int p0, int kc, int j0, int nc, float* dst)
    {
        int nr = TKernel.Nr;
        for (int jr = 0; jr < nc; jr += nr, dst += (nint)nr * kc)
        {
            int cols = Math.Min(nr, nc - jr);
            if (!transB)
            {
                // B is stored k × n: the Nr values of one step of k are contiguous.
                PackContiguous(b + (nint)p0 * ldb + j0 + jr, ldb, kc, cols, dst, nr);
            }
            else
            {
                // B is stored n × k: Nr rows of B read along k, transposed.
                PackStrided(b + (nint)(j0 + jr) * ldb + p0, ldb, kc, cols, dst, nr);
            }
        }
    }

    /// <summary>
    /// Panels of <paramref name="width"/> columns from <paramref name="count"/> contiguous columns of
    /// <paramref name="kc"/> rows: column j of row p goes to panel j / width at p·width + j mod width; the last
    /// panel is zero past <paramref name="count"/>.
    /// </summary>
    /// <remarks>
    /// Row by row, so each row is read once, front to back. Panel by panel read a few floats from each of kc rows
    /// per panel; with rows 4 KiB apart (a 1024-wide A) those all fall in one L1 set and every panel re-fetched
    /// its lines from L2: the packing of a weight gradient's Aᵀ cost 0.8 ns per element, most of its gap to OpenBLAS.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackRowsIntoPanels(float* src, nint ld, int kc, int count, float* dst, int width)
    {
        int full = count / width;
        int rest = count - full * width;
        nint panelLength = (nint)width * kc;
        for (int p = 0; p < kc; p++, src += ld)
        {
            float* s = src;
            float* d = dst + (nint)p * width;
            if (p + PrefetchRows < kc)
            {
                float* ahead = src + PrefetchRows * ld;
                for (int j = 0; j < count; j += 16)
                {
                    Sse.Prefetch0(ahead + j);
                }

                Sse.Prefetch0(ahead + count - 1);
            }

            if (width % 8 == 0)
            {
                for (int q = 0; q < full; q++, s += width, d += panelLength)
                {
                    for (int j = 0; j < width; j += 8)
                    {
                        Vector256.Store(Vector256.Load(s + j), d + j);
                    }
                }
            }
            else if (width % 4 == 0)
            {
                for (int q = 0; q < full; q++, s += width, d += panelLength)
                {
                    for (int j = 0; j < width; j += 4)
                    {
                        Vector128.Store(Vector128.Load(s + j), d + j);
                    }
                }
            }
            else
            {
                for (int q = 0; q < full; q++, s += width, d += panelLength)
                {
                    for (int j = 0; j < width; j++)
                    {
                        d[j] = s[j];
                    }
                }
            }

            if (rest > 0)
            {
                int j = 0;
                for (; j < rest; j++)
                {
                    d[j] = s[j];
                }

                for (; j < width; j++)
                {
                    d[j] = 0;
                }
            }
        }
    }

    /// <summary>dst[p·width + j] = src[p·ld + j] for j &lt; count, zero up to width.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackContiguous(float* src, nint ld, int kc, int count, float* dst, int width)
    {
        if (count == width && width % 8 == 0)
        {
            for (int p = 0; p < kc; p++, src += ld, dst += width)
            {
                for (int j = 0; j < width; j += 8)
                {
                    Vector256.Store(Vector256.Load(src + j), dst + j);
                }
            }

            return;
        }

        if (count == width && width == 4)
        {
            for (int p = 0; p < kc; p++, src += ld, dst += width)
            {
                Vector128.Store(Vector128.Load(src), dst);
            }

            return;
        }

        for (int p = 0; p < kc; p++, src += ld, dst += width)
        {
            int j = 0;
            for (; j < count; j++)
            {
                dst[j] = src[j];
            }

            for (; j < width; j++)
            {
                dst[j] = 0;
            }
        }
    }

    /// <summary>dst[p·width + j] = src[j·ld + p] for j &lt; count, zero up to width.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackStrided(float* src, nint ld, int kc, int count, float* dst, int width)
    {
        int p = 0;
        if (count == width && Avx.IsSupported)
        {
            if (width % 8 == 0)
            {
                for (; p + 8 <= kc; p += 8)
                {
                    for (int j = 0; j < width; j += 8)
                    {
                        Transpose8x8(src + j * ld + p, ld, dst + (nint)p * width + j, width);
                    }
                }
            }
            else if (width == 4)
            {
                for (; p + 8 <= kc; p += 8)
                {
                    Transpose4x8(src + p, ld, dst + (nint)p * 4);
                }
            }
        }

        for (; p < kc; p++)
        {
            float* d = dst + (nint)p * width;
            int j = 0;
            for (; j < count; j++)
            {
                d[j] = src[j * ld + p];
            }

            for (; j < width; j++)
            {
                d[j] = 0;
            }
        }
    }

    /// <summary>Reads 8 rows of 8 floats (stride ld) and writes their 8 columns as rows (stride ldd).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose8x8(float* s, nint ld, float* d, nint ldd)
    {
        Vector256<float> r0 = Avx.LoadVector256(s), r1 = Avx.LoadVector256(s + ld);
        Vector256<float> r2 = Avx.LoadVector256(s + 2 * ld), r3 = Avx.LoadVector256(s + 3 * ld);
        Vector256<float> r4 = Avx.LoadVector256(s + 4 * ld), r5 = Avx.LoadVector256(s + 5 * ld);
        Vector256<float> r6 = Avx.LoadVector256(s + 6 * ld), r7 = Avx.LoadVector256(s + 7 * ld);
        Vector256<float> t0 = Avx.UnpackLow(r0, r1), t1 = Avx.UnpackHigh(r0, r1);
        Vector256<float> t2 = Avx.UnpackLow(r2, r3), t3 = Avx.UnpackHigh(r2, r3);
        Vector256<float> t4 = Avx.UnpackLow(r4, r5), t5 = Avx.UnpackHigh(r4, r5);
        Vector256<float> t6 = Avx.UnpackLow(r6, r7), t7 = Avx.UnpackHigh(r6, r7);
        Vector256<float> u0 = Avx.Shuffle(t0, t2, 0x44), u1 = Avx.Shuffle(t0, t2, 0xEE);
        Vector256<float> u2 = Avx.Shuffle(t1, t3, 0x44), u3 = Avx.Shuffle(t1, t3, 0xEE);
        Vector256<float> u4 = Avx.Shuffle(t4, t6, 0x44), u5 = Avx.Shuffle(t4, t6, 0xEE);
        Vector256<float> u6 = Avx.Shuffle(t5, t7, 0x44), u7 = Avx.Shuffle(t5, t7, 0xEE);
        Avx.Store(d, Avx.Permute2x128(u0, u4, 0x20));
        Avx.Store(d + ldd, Avx.Permute2x128(u1, u5, 0x20));
        Avx.Store(d + 2 * ldd, Avx.Permute2x128(u2, u6, 0x20));
        Avx.Store(d + 3 * ldd, Avx.Permute2x128(u3, u7, 0x20));
        Avx.Store(d + 4 * ldd, Avx.Permute2x128(u0, u4, 0x31));
        Avx.Store(d + 5 * ldd, Avx.Permute2x128(u1, u5, 0x31));
        Avx.Store(d + 6 * ldd, Avx.Permute2x128(u2, u6, 0x31));
        Avx.Store(d + 7 * ldd, Avx.Permute2x128(u3, u7, 0x31));
    }

    /// <summary>Reads 4 rows of 8 floats (stride ld) and writes their 8 columns of 4 contiguously.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose4x8(float* s, nint ld, float* d)
    {
        Vector256<float> r0 = Avx.LoadVector256(s), r1 = Avx.LoadVector256(s + ld);
        Vector256<float> r2 = Avx.LoadVector256(s + 2 * ld), r3 = Avx.LoadVector256(s + 3 * ld);
        Vector256<float> t0 = Avx.UnpackLow(r0, r1), t1 = Avx.UnpackHigh(r0, r1);
        Vector256<float> t2 = Avx.UnpackLow(r2, r3), t3 = Avx.UnpackHigh(r2, r3);
        Vector256<float> u0 = Avx.Shuffle(t0, t2, 0x44), u1 = Avx.Shuffle(t0, t2, 0xEE);
        Vector256<float> u2 = Avx.Shuffle(t1, t3, 0x44), u3 = Avx.Shuffle(t1, t3, 0xEE);
        Avx.Store(d, Avx.Permute2x128(u0, u1, 0x20));
        Avx.Store(d + 8, Avx.Permute2x128(u2, u3, 0x20));
        Avx.Store(d + 16, Avx.Permute2x128(u0, u1, 0x31));
        Avx.Store(d + 24, Avx.Permute2x128(u2, u3, 0x31));
    }
}
