using Microsoft.ML.Recurrent.Tensors.Kernels;

namespace Microsoft.ML.Recurrent.Tensors.Tests.Kernels;

public sealed class PackedMatrixTests
{
    public static TheoryData<string> Paths() => GemmTests.Paths();

    [Theory]
    [MemberData(nameof(Paths))]
    public void Multiply_WithPackedB_MatchesReference(string pathName)
    {
        GemmPath path = Enum.Parse<GemmPath>(pathName);
        var rng = new Random(21);
        using var packed = new PackedMatrix(path);
        int[] sizes = [1, 3, 4, 8, 20, 31, 33, 65];
        foreach (int m in sizes)
        {
            foreach (int n in sizes)
            {
                int k = sizes[rng.Next(sizes.Length)];
                GemmCheck.Compare(path, 1, rng, rng.Next(2) == 1, rng.Next(2) == 1, m, n, k, 1f, m % 2 == 0 ? 0f : 1f,
                    padding: rng.Next(3), packed);
            }
        }

        // Deeper than one block of k, wider than a few panels, repacked into the same storage.
        GemmCheck.Compare(path, 2, rng, false, true, 20, 130, 300, 1f, 0f, padding: 1, packed);
        GemmCheck.Compare(path, 2, rng, true, false, 9, 77, 513, -1f, 1f, padding: 0, packed);
    }

    [Fact]
    public void Multiply_WithPackedB_GivesSameBitsAsUnpacked_ForAnyThreadCount()
    {
        var rng = new Random(4);
        const int m = 32, n = 1000, k = 300;
        float[] a = GemmCheck.Random(rng, m * k);
        float[] b = GemmCheck.Random(rng, n * k);
        var expected = new float[m * n];
        Gemm.Multiply(Gemm.BestPath, 1, false, true, m, n, k, 1f, a, k, b, k, 0f, expected, n);
        using var packed = new PackedMatrix(b, k, transB: true, k, n);
        foreach (int threads in new[] { 1, 2, 3 })
        {
            var actual = new float[m * n];
            Gemm.Multiply(threads, false, m, n, k, 1f, a, k, packed, 0f, actual, n);
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Multiply_Throws_WhenPackedShapeDiffers()
    {
        using var packed = new PackedMatrix(new float[12], 4, false, 3, 4);
        var e = Assert.Throws<ArgumentException>(() => Gemm.Multiply(false, 2, 4, 5, 1f, new float[10], 5, packed, 0f, new float[8], 4));
        Assert.Equal("b", e.ParamName);
        Assert.Contains("3×4", e.Message);
        Assert.Contains("5×4", e.Message);
    }

    [Fact]
    public void Pack_Throws_AfterDispose()
    {
        var packed = new PackedMatrix();
        packed.Dispose();
        Assert.Throws<ObjectDisposedException>(() => packed.Pack(new float[4], 2, false, 2, 2));
    }
}
