using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Microsoft.ML.Recurrent.Tensors.Kernels;

/// <summary>
/// Portable register tile of 4 rows × 8 columns over <see cref="Vector128{T}"/>: 8 accumulators that fit the
/// 16 vector registers of SSE and the 32 of Arm NEON.
/// </summary>
/// <remarks>
/// Used where neither AVX2+FMA nor AVX-512 exists. The multiply-add is fused as on the other paths, so all paths
/// follow the same rounding contract (<see cref="IGemmMicroKernel"/>); where the hardware has no FMA the runtime
/// computes it in software, which is slower but exact.
/// </remarks>
internal readonly struct GemmKernelPortable : IGemmMicroKernel
{
    public static int Mr => 4;

    public static int Nr => 8;

    public static int Kc => 256;

    public static int Mc => 128;

    public static int Nc => 4096;

    public static bool IsSupported => true;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void Run(int kc, float* a, float* b, float* c, nint ldc, float alpha, float beta)
    {
        Vector128<float> c00 = Vector128<float>.Zero, c01 = Vector128<float>.Zero;
        Vector128<float> c10 = Vector128<float>.Zero, c11 = Vector128<float>.Zero;
        Vector128<float> c20 = Vector128<float>.Zero, c21 = Vector128<float>.Zero;
        Vector128<float> c30 = Vector128<float>.Zero, c31 = Vector128<float>.Zero;
        for (int p = 0; p < kc; p++)
        {
            Vector128<float> b0 = Vector128.Load(b);
            Vector128<float> b1 = Vector128.Load(b + 4);
            Vector128<float> ai = Vector128.Create(a[0]);
            c00 = Vector128.FusedMultiplyAdd(ai, b0, c00);
            c01 = Vector128.FusedMultiplyAdd(ai, b1, c01);
            ai = Vector128.Create(a[1]);
            c10 = Vector128.FusedMultiplyAdd(ai, b0, c10);
            c11 = Vector128.FusedMultiplyAdd(ai, b1, c11);
            ai = Vector128.Create(a[2]);
            c20 = Vector128.FusedMultiplyAdd(ai, b0, c20);
            c21 = Vector128.FusedMultiplyAdd(ai, b1, c21);
            ai = Vector128.Create(a[3]);
            c30 = Vector128.FusedMultiplyAdd(ai, b0, c30);
            c31 = Vector128.FusedMultiplyAdd(ai, b1, c31);
            a += 4;
            b += 8;
        }

        Vector128<float> va = Vector128.Create(alpha);
        if (beta == 0)
        {
            Store(c, c00, c01, va);
            Store(c + ldc, c10, c11, va);
            Store(c + 2 * ldc, c20, c21, va);
            Store(c + 3 * ldc, c30, c31, va);
        }
        else
        {
            Vector128<float> vb = Vector128.Create(beta);
            Update(c, c00, c01, va, vb);
            Update(c + ldc, c10, c11, va, vb);
            Update(c + 2 * ldc, c20, c21, va, vb);
            Update(c + 3 * ldc, c30, c31, va, vb);
        }
    }

    public static unsafe bool TryRunEdge(int kc, float* a, float* b, float* c, nint ldc, float alpha, float beta, int mr, int nr)
        => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Store(float* c, Vector128<float> x0, Vector128<float> x1, Vector128<float> alpha)
    {
        Vector128.Store(x0 * alpha, c);
        Vector128.Store(x1 * alpha, c + 4);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Update(float* c, Vector128<float> x0, Vector128<float> x1, Vector128<float> alpha,
        Vector128<float> beta)
    {
        Vector128.Store(Vector128.FusedMultiplyAdd(x0, alpha, beta * Vector128.Load(c)), c);
        Vector128.Store(Vector128.FusedMultiplyAdd(x1, alpha, beta * Vector128.Load(c + 4)), c + 4);
    }
}
