using Microsoft.ML.Recurrent.Tensors.Kernels;

namespace Microsoft.ML.Recurrent.Tensors.Tests.Kernels;

public class VectorExpTests
{
    [Fact]
    public void ExpShifted_IsWithinTwoUlpOfDoublePrecisionExp_OverTheNormalRange()
    {
        // Every 97th float bit pattern from −87.3 (exp = smallest normal) to 88.7 (largest finite), both signs.
        var xs = new List<float>();
        foreach (float limit in new[] { -87.33f, 88.72f })
        {
            for (int bits = 0; ; bits += 97)
            {
                float v = BitConverter.Int32BitsToSingle(bits);
                if (v > Math.Abs(limit))
                {
                    break;
                }

                xs.Add(limit < 0 ? -v : v);
            }
        }

        float[] x = xs.ToArray();
        float[] y = new float[x.Length];
        VectorExp.ExpShifted(x, 0f, 1f, y);
        double worst = 0;
        float worstAt = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double exact = Math.Exp(x[i]);
            double ulp = (double)MathF.BitIncrement((float)exact) - (float)exact;
            double error = Math.Abs(y[i] - exact) / ulp;
            if (error > worst)
            {
                worst = error;
                worstAt = x[i];
            }
        }

        Assert.True(worst <= 2, $"{worst:F2} ulp at x = {worstAt:R} ({x.Length} values)");
    }

    [Theory]
    [InlineData(float.NegativeInfinity, 0f)]
    [InlineData(-1000f, 0f)]
    [InlineData(-104f, 0f)]
    [InlineData(0f, 1f)]
    [InlineData(89f, float.PositiveInfinity)]
    [InlineData(1000f, float.PositiveInfinity)]
    [InlineData(float.PositiveInfinity, float.PositiveInfinity)]
    public void ExpShifted_GivesTheLimits(float x, float expected)
    {
        float[] y = new float[9];
        float[] xs = Enumerable.Repeat(x, 9).ToArray(); // a full vector and a padded tail
        VectorExp.ExpShifted(xs, 0f, 1f, y);
        Assert.All(y, v => Assert.Equal(expected, v));
    }

    [Fact]
    public void ExpShifted_CarriesNaN()
    {
        float[] x = [1f, float.NaN, 2f, 3f, 4f, 5f, 6f, 7f, float.NaN];
        float[] y = new float[9];
        VectorExp.ExpShifted(x, 0f, 1f, y);
        Assert.True(float.IsNaN(y[1]) && float.IsNaN(y[8]));
        Assert.Equal(MathF.Exp(1f), y[0], 6);
    }

    [Fact]
    public void Subnormal_Results_AreWithinOneSubnormalStep()
    {
        float[] x = Enumerable.Range(0, 170).Select(i => -87.5f - i * 0.1f).ToArray();
        float[] y = new float[x.Length];
        VectorExp.ExpShifted(x, 0f, 1f, y);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.True(Math.Abs(y[i] - Math.Exp(x[i])) <= float.Epsilon, $"exp({x[i]}) = {y[i]:R}, expected {Math.Exp(x[i]):R}");
        }
    }

    [Fact]
    public void ShiftScaleAddAndSum_AgreeWithTheElementwiseDefinition()
    {
        var rng = new Random(3);
        foreach (int length in new[] { 0, 1, 7, 8, 15, 16, 17, 31, 1000, 10001 })
        {
            float[] x = Enumerable.Range(0, length).Select(_ => (float)(rng.NextDouble() * 20 - 10)).ToArray();
            float[] single = new float[length];
            float[] shifted = new float[length];
            float[] added = Enumerable.Range(0, length).Select(i => (float)i).ToArray();
            VectorExp.ExpShifted(x, 0f, 1f, single);
            VectorExp.ExpShifted(x, 1.5f, -2f, shifted);
            VectorExp.ExpShiftedAdd(x, 1.5f, -2f, added);
            double sum = 0;
            for (int i = 0; i < length; i++)
            {
                double e = Math.Exp(x[i] - 1.5);
                Assert.Equal(-2 * e, shifted[i], 5e-6 * Math.Max(1, 2 * e));
                Assert.Equal(i - 2 * e, added[i], 5e-6 * Math.Max(1, i + 2 * e)); // the sum rounds at the scale of its larger term
                sum += e;
            }

            Assert.Equal(sum, VectorExp.SumOfExpShifted(x, 1.5f), 1e-5 * Math.Max(1, sum));
        }
    }

    [Fact]
    public void AValue_HasTheSameExpWhereverItSits()
    {
        // Bulk lanes and padded tail lanes take the same path: the bits do not depend on the position.
        float[] x = Enumerable.Range(0, 13).Select(i => 0.37f * i - 2f).ToArray();
        float[] whole = new float[13];
        VectorExp.ExpShifted(x, 0f, 1f, whole);
        for (int start = 1; start < 13; start++)
        {
            float[] part = new float[13 - start];
            VectorExp.ExpShifted(x.AsSpan(start), 0f, 1f, part);
            Assert.Equal(whole[start..], part);
        }
    }
}
