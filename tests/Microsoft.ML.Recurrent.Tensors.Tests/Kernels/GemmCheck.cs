using Microsoft.ML.Recurrent.Tensors.Kernels;

namespace Microsoft.ML.Recurrent.Tensors.Tests.Kernels;

/// <summary>Runs one multiply on a path and compares it with <see cref="GemmReference"/>.</summary>
internal static class GemmCheck
{
    public static float[] Random(Random rng, int length)
    {
        var x = new float[length];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (float)(rng.NextDouble() * 2 - 1);
        }

        return x;
    }

    /// <summary>
    /// Compares with the double-precision oracle. The bound is the classic one for a dot product accumulated in
    /// float: k · 2⁻²⁴ · Σ|a||b| (plus the rounding of the beta term), doubled for the final scaling.
    /// </summary>
    public static void Compare(GemmPath path, int threads, Random rng, bool transA, bool transB, int m, int n, int k,
        float alpha, float beta, int padding, PackedMatrix? packed = null)
    {
        int lda = Math.Max(1, transA ? m : k) + padding;
        int ldb = Math.Max(1, transB ? k : n) + padding;
        int ldc = Math.Max(1, n) + padding;
        float[] a = Random(rng, Math.Max(0, (transA ? k : m) * lda));
        float[] b = Random(rng, Math.Max(0, (transB ? n : k) * ldb));
        float[] c = Random(rng, m * ldc);
        float[] expected = (float[])c.Clone();
        GemmReference.Multiply(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, expected, ldc);
        if (packed is null)
        {
            Gemm.Multiply(path, threads, transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
        }
        else
        {
            packed.Pack(b, ldb, transB, k, n);
            Gemm.Multiply(threads, transA, m, n, k, alpha, a, lda, packed, beta, c, ldc);
        }

        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < ldc; j++)
            {
                float actual = c[i * ldc + j];
                if (j >= n)
                {
                    // Padding between rows of C must be untouched.
                    Assert.Equal(BitConverter.SingleToInt32Bits(expected[i * ldc + j]), BitConverter.SingleToInt32Bits(actual));
                    continue;
                }

                double magnitude = 0;
                for (int p = 0; p < k; p++)
                {
                    float av = transA ? a[p * lda + i] : a[i * lda + p];
                    float bv = transB ? b[j * ldb + p] : b[p * ldb + j];
                    magnitude += Math.Abs((double)av * bv);
                }

                double bound = 2 * ((k + 2) * Math.Abs(alpha) * magnitude + Math.Abs(beta) * 2) * Math.Pow(2, -24);
                double error = Math.Abs((double)actual - expected[i * ldc + j]);
                Assert.True(error <= bound,
                    $"{path} transA={transA} transB={transB} m={m} n={n} k={k} alpha={alpha} beta={beta}: " +
                    $"C[{i},{j}] = {actual}, expected {expected[i * ldc + j]} (error {error:E2} > bound {bound:E2})");
            }
        }
    }
}
