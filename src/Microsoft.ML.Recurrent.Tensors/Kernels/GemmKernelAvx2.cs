using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Microsoft.ML.Recurrent.Tensors.Kernels;

/// <summary>
/// AVX2 + FMA register tile of 4 rows × 24 columns: 12 ymm accumulators, 3 ymm of B and 1 broadcast of A
/// use all 16 ymm registers.
/// </summary>
/// <remarks>
/// Why 4 × 24 rather than the classic 6 × 16: the same 12 FMAs per step of k need 7 loads instead of 8, and the
/// shapes of recurrent layers (batch 20 or 32 rows, gate widths 1024 or 2600 columns) fill 4-row tiles exactly,
/// where 6-row tiles waste 11-17% on padding.
/// Blocking: a packed B micro-panel (Kc × 24 floats = 24 KiB at Kc = 256) stays in the 32 KiB L1 while the
/// A micro-panels of an Mc × Kc block (144 KiB) stream from the 1 MiB L2.
/// </remarks>
internal readonly struct GemmKernelAvx2 : IGemmMicroKernel
{
    public static int Mr => 4;

    public static int Nr => 24;

    public static int Kc => 256;

    public static int Mc => 144;

    public static int Nc => 4080;

    public static bool IsSupported => Avx2.IsSupported && Fma.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void Run(int kc, float* a, float* b, float* c, nint ldc, float alpha, float beta)
    {
        // The tile of C is read or written only after the k loop: start fetching its 4 rows (96 bytes each) now,
        // so a C that lives in L3 or memory does not stall the stores.
        Sse.Prefetch0(c);
        Sse.Prefetch0(c + 23);
        Sse.Prefetch0(c + ldc);
        Sse.Prefetch0(c + ldc + 23);
        Sse.Prefetch0(c + 2 * ldc);
        Sse.Prefetch0(c + 2 * ldc + 23);
        Sse.Prefetch0(c + 3 * ldc);
        Sse.Prefetch0(c + 3 * ldc + 23);
        Vector256<float> c00 = Vector256<float>.Zero, c01 = Vector256<float>.Zero, c02 = Vector256<float>.Zero;
        Vector256<float> c10 = Vector256<float>.Zero, c11 = Vector256<float>.Zero, c12 = Vector256<float>.Zero;
        Vector256<float> c20 = Vector256<float>.Zero, c21 = Vector256<float>.Zero, c22 = Vector256<float>.Zero;
        Vector256<float> c30 = Vector256<float>.Zero, c31 = Vector256<float>.Zero, c32 = Vector256<float>.Zero;
        for (int p = 0; p < kc; p++)
        {
            Vector256<float> b0 = Avx.LoadVector256(b);
            Vector256<float> b1 = Avx.LoadVector256(b + 8);
            Vector256<float> b2 = Avx.LoadVector256(b + 16);
            Vector256<float> ai = Avx.BroadcastScalarToVector256(a);
            c00 = Fma.MultiplyAdd(ai, b0, c00);
            c01 = Fma.MultiplyAdd(ai, b1, c01);
            c02 = Fma.MultiplyAdd(ai, b2, c02);
            ai = Avx.BroadcastScalarToVector256(a + 1);
            c10 = Fma.MultiplyAdd(ai, b0, c10);
            c11 = Fma.MultiplyAdd(ai, b1, c11);
            c12 = Fma.MultiplyAdd(ai, b2, c12);
            ai = Avx.BroadcastScalarToVector256(a + 2);
            c20 = Fma.MultiplyAdd(ai, b0, c20);
            c21 = Fma.MultiplyAdd(ai, b1, c21);
            c22 = Fma.MultiplyAdd(ai, b2, c22);
            ai = Avx.BroadcastScalarToVector256(a + 3);
            c30 = Fma.MultiplyAdd(ai, b0, c30);
            c31 = Fma.MultiplyAdd(ai, b1, c31);
            c32 = Fma.MultiplyAdd(ai, b2, c32);
            a += 4;
            b += 24;
        }

        Vector256<float> va = Vector256.Create(alpha);
        if (beta == 0)
        {
            StoreScaled(c, c00, c01, c02, va);
            StoreScaled(c + ldc, c10, c11, c12, va);
            StoreScaled(c + 2 * ldc, c20, c21, c22, va);
            StoreScaled(c + 3 * ldc, c30, c31, c32, va);
        }
        else
        {
            Vector256<float> vb = Vector256.Create(beta);
            StoreUpdated(c, c00, c01, c02, va, vb);
            StoreUpdated(c + ldc, c10, c11, c12, va, vb);
            StoreUpdated(c + 2 * ldc, c20, c21, c22, va, vb);
            StoreUpdated(c + 3 * ldc, c30, c31, c32, va, vb);
        }
    }

    public static unsafe bool TryRunEdge(int kc, float* a, float* b, float* c, nint ldc, float alpha, float beta, int mr, int nr)
    {
        // The shapes of the engine end in panels of 8 or 16 columns (1024, 2600, 10000 and 256 modulo 24).
        if (mr != 4)
        {
            return false;
        }

        if (nr == 16)
        {
            RunNarrow16(kc, a, b, c, ldc, alpha, beta);
            return true;
        }

        if (nr == 8)
        {
            RunNarrow8(kc, a, b, c, ldc, alpha, beta);
            return true;
        }

        return false;
    }

    /// <summary>The 4 × 16 tile at the right edge of a panel of 24 (B still strided by 24): no wasted FMAs, no staging.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void RunNarrow16(int kc, float* a, float* b, float* c, nint ldc, float alpha, float beta)
    {
        Vector256<float> c00 = Vector256<float>.Zero, c01 = Vector256<float>.Zero;
        Vector256<float> c10 = Vector256<float>.Zero, c11 = Vector256<float>.Zero;
        Vector256<float> c20 = Vector256<float>.Zero, c21 = Vector256<float>.Zero;
        Vector256<float> c30 = Vector256<float>.Zero, c31 = Vector256<float>.Zero;
        for (int p = 0; p < kc; p++)
        {
            Vector256<float> b0 = Avx.LoadVector256(b);
            Vector256<float> b1 = Avx.LoadVector256(b + 8);
            Vector256<float> ai = Avx.BroadcastScalarToVector256(a);
            c00 = Fma.MultiplyAdd(ai, b0, c00);
            c01 = Fma.MultiplyAdd(ai, b1, c01);
            ai = Avx.BroadcastScalarToVector256(a + 1);
            c10 = Fma.MultiplyAdd(ai, b0, c10);
            c11 = Fma.MultiplyAdd(ai, b1, c11);
            ai = Avx.BroadcastScalarToVector256(a + 2);
            c20 = Fma.MultiplyAdd(ai, b0, c20);
            c21 = Fma.MultiplyAdd(ai, b1, c21);
            ai = Avx.BroadcastScalarToVector256(a + 3);
            c30 = Fma.MultiplyAdd(ai, b0, c30);
            c31 = Fma.MultiplyAdd(ai, b1, c31);
            a += 4;
            b += 24;
        }

        Vector256<float> va = Vector256.Create(alpha);
        Vector256<float> vb = Vector256.Create(beta);
        Store(c, c00, va, vb, beta);
        Store(c + 8, c01, va, vb, beta);
        Store(c + 1 * ldc, c10, va, vb, beta);
        Store(c + 1 * ldc + 8, c11, va, vb, beta);
        Store(c + 2 * ldc, c20, va, vb, beta);
        Store(c + 2 * ldc + 8, c21, va, vb, beta);
        Store(c + 3 * ldc, c30, va, vb, beta);
        Store(c + 3 * ldc + 8, c31, va, vb, beta);
    }

    /// <summary>The 4 × 8 tile at the right edge of a panel of 24 (B still strided by 24): no wasted FMAs, no staging.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void RunNarrow8(int kc, float* a, float* b, float* c, nint ldc, float alpha, float beta)
    {
        Vector256<float> c00 = Vector256<float>.Zero;
        Vector256<float> c10 = Vector256<float>.Zero;
        Vector256<float> c20 = Vector256<float>.Zero;
        Vector256<float> c30 = Vector256<float>.Zero;
        for (int p = 0; p < kc; p++)
        {
            Vector256<float> b0 = Avx.LoadVector256(b);
            Vector256<float> ai = Avx.BroadcastScalarToVector256(a);
            c00 = Fma.MultiplyAdd(ai, b0, c00);
            ai = Avx.BroadcastScalarToVector256(a + 1);
            c10 = Fma.MultiplyAdd(ai, b0, c10);
            ai = Avx.BroadcastScalarToVector256(a + 2);
            c20 = Fma.MultiplyAdd(ai, b0, c20);
            ai = Avx.BroadcastScalarToVector256(a + 3);
            c30 = Fma.MultiplyAdd(ai, b0, c30);
            a += 4;
            b += 24;
        }

        Vector256<float> va = Vector256.Create(alpha);
        Vector256<float> vb = Vector256.Create(beta);
        Store(c, c00, va, vb, beta);
        Store(c + 1 * ldc, c10, va, vb, beta);
        Store(c + 2 * ldc, c20, va, vb, beta);
        Store(c + 3 * ldc, c30, va, vb, beta);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Store(float* c, Vector256<float> x, Vector256<float> alpha, Vector256<float> beta, float betaScalar)
    {
        Avx.Store(c, betaScalar == 0 ? Avx.Multiply(x, alpha) : Fma.MultiplyAdd(x, alpha, Avx.Multiply(beta, Avx.LoadVector256(c))));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void StoreScaled(float* c, Vector256<float> x0, Vector256<float> x1, Vector256<float> x2,
        Vector256<float> alpha)
    {
        Avx.Store(c, Avx.Multiply(x0, alpha));
        Avx.Store(c + 8, Avx.Multiply(x1, alpha));
        Avx.Store(c + 16, Avx.Multiply(x2, alpha));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void StoreUpdated(float* c, Vector256<float> x0, Vector256<float> x1, Vector256<float> x2,
        Vector256<float> alpha, Vector256<float> beta)
    {
        Avx.Store(c, Fma.MultiplyAdd(x0, alpha, Avx.Multiply(beta, Avx.LoadVector256(c))));
        Avx.Store(c + 8, Fma.MultiplyAdd(x1, alpha, Avx.Multiply(beta, Avx.LoadVector256(c + 8))));
        Avx.Store(c + 16, Fma.MultiplyAdd(x2, alpha, Avx.Multiply(beta, Avx.LoadVector256(c + 16))));
    }
}
