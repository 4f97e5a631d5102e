using Microsoft.ML.Recurrent.Tensors.Kernels;

namespace Microsoft.ML.Recurrent.Tensors.Tests.Kernels;

public sealed class GemmTests
{
    /// <summary>Every path this machine can run (AVX-512 always: its Vector512 code runs in software where the hardware lacks it).</summary>
    public static TheoryData<string> Paths()
    {
        var data = new TheoryData<string> { nameof(GemmPath.Portable), nameof(GemmPath.Avx512) };
        if (GemmKernelAvx2.IsSupported)
        {
            data.Add(nameof(GemmPath.Avx2));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Multiply_MatchesReference_ForAllSmallSizesAndTransposes(string pathName)
    {
        GemmPath path = Enum.Parse<GemmPath>(pathName);

        // Every m and every n in 0..70 (a third of the pairs, each m meeting 23-24 values of n), so every
        // edge-tile width and height of every path occurs; k drawn in 0..70; the four transpose variants and
        // three betas cycle; leading dimensions padded by 0-3.
        var rng = new Random(11);
        int cases = 0;
        for (int m = 0; m <= 70; m++)
        {
            for (int n = (m * 2) % 3; n <= 70; n += 3)
            {
                int k = rng.Next(71);
                bool transA = (cases & 1) != 0;
                bool transB = (cases & 2) != 0;
                float beta = (cases / 4 % 3) switch { 0 => 0f, 1 => 1f, _ => -0.75f };
                GemmCheck.Compare(path, 1, rng, transA, transB, m, n, k, alpha: 1.25f, beta, padding: rng.Next(0, 4));
                cases++;
            }
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Multiply_MatchesReference_ForEveryTransposeAndBeta(string pathName)
    {
        GemmPath path = Enum.Parse<GemmPath>(pathName);
        var rng = new Random(5);
        foreach (bool transA in new[] { false, true })
        {
            foreach (bool transB in new[] { false, true })
            {
                foreach (float beta in new[] { 0f, 1f, 0.5f })
                {
                    for (int k = 0; k <= 70; k += 7)
                    {
                        GemmCheck.Compare(path, 1, rng, transA, transB, 1 + rng.Next(70), 1 + rng.Next(70), k, -0.5f, beta, padding: 3);
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Multiply_MatchesReference_ForLargeOddSizes(string pathName)
    {
        GemmPath path = Enum.Parse<GemmPath>(pathName);
        // Larger than one block in every dimension (Mc 144, Kc 256), with odd leading dimensions.
        var rng = new Random(7);
        int scale = path == GemmPath.Avx512 && !GemmKernelAvx512.IsSupported ? 1 : 2; // emulated AVX-512 is slow
        GemmCheck.Compare(path, 2, rng, false, false, 150 * scale + 1, 61 * scale, 263 * scale + 3, 1f, 0f, padding: 5);
        GemmCheck.Compare(path, 2, rng, true, true, 97, 131, 515, 0.5f, 2f, padding: 1);
        GemmCheck.Compare(path, 2, rng, false, true, 33, 300, 257, 1f, 1f, padding: 2);
        GemmCheck.Compare(path, 2, rng, true, false, 301, 29, 300, 1f, 0f, padding: 0);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Multiply_MatchesReference_ForFewRowsTimesLargeTransposedB(string pathName)
    {
        // The dot-product route (GemmSmallRows): m ≤ 4, or m ≤ 32 with B of 2^20 floats or more; odd k tails.
        GemmPath path = Enum.Parse<GemmPath>(pathName);
        var rng = new Random(13);
        GemmCheck.Compare(path, 2, rng, false, true, 20, 2600, 650, 1f, 0f, padding: 1);
        GemmCheck.Compare(path, 2, rng, true, true, 7, 1030, 1021, -0.5f, 1f, padding: 3);
        GemmCheck.Compare(path, 1, rng, false, true, 32, 1025, 1024, 2f, 0.5f, padding: 0);
        GemmCheck.Compare(path, 1, rng, true, true, 3, 300, 77, 1f, 0f, padding: 2);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Multiply_PropagatesNaN_FromAAndB(string pathName)
    {
        GemmPath path = Enum.Parse<GemmPath>(pathName);
        const int m = 9, n = 27, k = 300;
        var a = new float[m * k];
        var b = new float[k * n];
        var c = new float[m * n];
        Array.Fill(a, 1f);
        Array.Fill(b, 1f);
        a[3 * k + 280] = float.NaN;   // row 3, in the second depth block
        b[5 * n + 26] = float.NaN;    // column 26, an edge column
        Gemm.Multiply(path, 1, false, false, m, n, k, 1f, a, k, b, n, 0f, c, n);
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                bool expectNaN = i == 3 || j == 26;
                Assert.True(float.IsNaN(c[i * n + j]) == expectNaN, $"C[{i},{j}] = {c[i * n + j]}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Multiply_IgnoresNaNInC_WhenBetaIsZero(string pathName)
    {
        GemmPath path = Enum.Parse<GemmPath>(pathName);
        const int m = 13, n = 50, k = 20;
        var rng = new Random(3);
        float[] a = GemmCheck.Random(rng, m * k);
        float[] b = GemmCheck.Random(rng, k * n);
        var c = new float[m * n];
        Array.Fill(c, float.NaN);
        Gemm.Multiply(path, 1, false, false, m, n, k, 1f, a, k, b, n, 0f, c, n);
        Assert.DoesNotContain(c, float.IsNaN);

        Array.Fill(c, float.NaN);
        Gemm.Multiply(path, 1, false, false, m, n, 0, 1f, a, k, b, n, 0f, c, n);
        Assert.All(c, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Multiply_GivesSameBits_ForAnyThreadCount()
    {
        var rng = new Random(9);
        foreach ((bool ta, bool tb, int m, int n, int k) in new[] { (false, true, 200, 301, 300), (true, false, 37, 1001, 129), (false, false, 700, 50, 260), (false, true, 3, 5001, 301), (true, true, 1, 4099, 650), (false, true, 21, 2053, 513) })
        {
            int lda = ta ? m : k, ldb = tb ? k : n;
            float[] a = GemmCheck.Random(rng, m * k);
            float[] b = GemmCheck.Random(rng, k * n);
            float[] c0 = GemmCheck.Random(rng, m * n);
            float[] expected = (float[])c0.Clone();
            Gemm.Multiply(Gemm.BestPath, 1, ta, tb, m, n, k, 0.7f, a, lda, b, ldb, 0.3f, expected, n);
            foreach (int threads in new[] { 2, 3, 5, 8 })
            {
                float[] actual = (float[])c0.Clone();
                Gemm.Multiply(Gemm.BestPath, threads, ta, tb, m, n, k, 0.7f, a, lda, b, ldb, 0.3f, actual, n);
                Assert.Equal(expected, actual);
            }
        }
    }

    [Fact]
    public void Multiply_Throws_WhenASpanIsTooShort()
    {
        var a = new float[10 * 20 - 1];
        var b = new float[20 * 30];
        var c = new float[10 * 30];
        var e = Assert.Throws<ArgumentException>(() => Gemm.Multiply(false, false, 10, 30, 20, 1f, a, 20, b, 30, 0f, c, 30));
        Assert.Equal("a", e.ParamName);
        Assert.Contains("op(A) 10×20", e.Message);
        Assert.Contains("op(B) 20×30", e.Message);

        e = Assert.Throws<ArgumentException>(() => Gemm.Multiply(false, true, 10, 30, 20, 1f, new float[200], 20, b.AsSpan(1), 20, 0f, c, 30));
        Assert.Equal("b", e.ParamName);
        Assert.Contains("B stored 30×20, transposed", e.Message);

        e = Assert.Throws<ArgumentException>(() => Gemm.Multiply(false, false, 10, 30, 20, 1f, new float[200], 20, b, 30, 0f, c.AsSpan(0, 299), 30));
        Assert.Equal("c", e.ParamName);
    }

    [Fact]
    public void Multiply_Throws_WhenLeadingDimensionIsSmallerThanARow()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            Gemm.Multiply(true, false, 4, 5, 6, 1f, new float[100], 3, new float[100], 5, 0f, new float[100], 5));
        Assert.Equal("lda", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Gemm.Multiply(false, false, -1, 5, 6, 1f, new float[100], 6, new float[100], 5, 0f, new float[100], 5));
    }

    [Fact]
    public void Multiply_GivesSameBits_OnEveryPath()
    {
        // All paths share the arithmetic contract of IGemmMicroKernel and the depth block Kc, so they must agree exactly.
        var rng = new Random(12);
        const int m = 36, n = 88, k = 530; // n = 3·24 + 16 ends in a narrow AVX2 edge tile
        float[] a = GemmCheck.Random(rng, k * m);
        float[] b = GemmCheck.Random(rng, k * n);
        float[] c0 = GemmCheck.Random(rng, m * n);
        float[] expected = (float[])c0.Clone();
        Gemm.Multiply(GemmPath.Portable, 1, true, false, m, n, k, 0.5f, a, m, b, n, 0.25f, expected, n);
        foreach (string name in new[] { nameof(GemmPath.Avx2), nameof(GemmPath.Avx512) })
        {
            if (name == nameof(GemmPath.Avx2) && !GemmKernelAvx2.IsSupported)
            {
                continue;
            }

            float[] actual = (float[])c0.Clone();
            Gemm.Multiply(Enum.Parse<GemmPath>(name), 1, true, false, m, n, k, 0.5f, a, m, b, n, 0.25f, actual, n);
            Assert.Equal(expected, actual);
        }
    }
}
