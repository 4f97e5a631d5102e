using Microsoft.ML.Recurrent.Tensors.Kernels;

namespace Microsoft.ML.Recurrent.Tensors.Tests.Kernels;

public class VectorActivationsTests
{
    /// <summary>Every 61st float bit pattern up to |x| = 20, both signs, plus the values around the tanh switch.</summary>
    private static float[] Sweep()
    {
        var xs = new List<float> { 0.6249999f, 0.625f, 0.6250001f, -0.625f };
        for (int bits = 1; ; bits += 61)
        {
            float v = BitConverter.Int32BitsToSingle(bits);
            if (v > 20f)
            {
                break;
            }

            xs.Add(v);
            xs.Add(-v);
        }

        return xs.ToArray();
    }

    [Fact]
    public void Sigmoid_IsWithinThreeUlpOfDoublePrecision()
    {
        float[] x = Sweep();
        float[] y = new float[x.Length];
        VectorActivations.Sigmoid(x, y);
        AssertWithinUlp(x, y, v => 1 / (1 + Math.Exp(-v)), 3, "sigmoid");
    }

    [Fact]
    public void Tanh_IsWithinThreeUlpOfDoublePrecision()
    {
        float[] x = Sweep();
        float[] y = new float[x.Length];
        VectorActivations.Tanh(x, y);
        AssertWithinUlp(x, y, Math.Tanh, 3, "tanh");
    }

    [Theory]
    [InlineData(float.NegativeInfinity, 0f, -1f)]
    [InlineData(-200f, 0f, -1f)]
    [InlineData(0f, 0.5f, 0f)]
    [InlineData(200f, 1f, 1f)]
    [InlineData(float.PositiveInfinity, 1f, 1f)]
    public void Saturate_ToExactLimits(float x, float sigmoid, float tanh)
    {
        float[] xs = Enumerable.Repeat(x, 11).ToArray(); // a full vector and a padded tail
        float[] s = new float[11], t = new float[11];
        VectorActivations.Sigmoid(xs, s);
        VectorActivations.Tanh(xs, t);
        Assert.All(s, v => Assert.Equal(sigmoid, v));
        Assert.All(t, v => Assert.Equal(tanh, v));
    }

    [Fact]
    public void CarryNaN_AndWorkInPlace()
    {
        float[] x = [0.1f, float.NaN, -3f, 2f, 0.3f, -0.7f, 5f, 1f, float.NaN, 0.2f];
        float[] s = (float[])x.Clone();
        float[] t = (float[])x.Clone();
        VectorActivations.Sigmoid(s, s);
        VectorActivations.Tanh(t, t);
        Assert.True(float.IsNaN(s[1]) && float.IsNaN(s[8]) && float.IsNaN(t[1]) && float.IsNaN(t[8]));
        Assert.Equal(Math.Tanh(-0.7), t[5], 6);
        Assert.Equal(1 / (1 + Math.Exp(3)), s[2], 6);
    }

    private static void AssertWithinUlp(float[] x, float[] y, Func<double, double> exact, double bound, string name)
    {
        double worst = 0;
        float worstAt = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double e = exact(x[i]);
            float ef = (float)e;
            double ulp = Math.Abs((double)MathF.BitIncrement(Math.Abs(ef)) - Math.Abs(ef));
            double error = Math.Abs(y[i] - e) / ulp;
            if (error > worst)
            {
                worst = error;
                worstAt = x[i];
            }
        }

        Assert.True(worst <= bound, $"{name}: {worst:F2} ulp at x = {worstAt:R} ({x.Length} values)");
    }
}
