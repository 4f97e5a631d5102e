using Microsoft.ML.Recurrent.Tensors.Kernels;

namespace Microsoft.ML.Recurrent.Tensors.Tests.Kernels;

public sealed class SoftmaxTests
{
    private static double[] ReferenceSoftmax(ReadOnlySpan<float> row)
    {
        double max = double.NegativeInfinity;
        foreach (float v in row)
        {
            max = Math.Max(max, v);
        }

        var e = new double[row.Length];
        double sum = 0;
        for (int j = 0; j < row.Length; j++)
        {
            e[j] = Math.Exp(row[j] - max);
            sum += e[j];
        }

        for (int j = 0; j < row.Length; j++)
        {
            e[j] /= sum;
        }

        return e;
    }

    [Fact]
    public void Forward_MatchesDoubleReference_ForManyWidths()
    {
        var rng = new Random(1);
        foreach (int cols in new[] { 1, 2, 3, 7, 8, 15, 16, 17, 100, 255, 256, 257, 1000 })
        {
            const int rows = 3;
            float[] x = GemmCheck.Random(rng, rows * cols);
            for (int i = 0; i < x.Length; i++)
            {
                x[i] *= 20;
            }

            var y = new float[rows * cols];
            var logY = new float[rows * cols];
            Softmax.Forward(x, rows, cols, y);
            LogSoftmax.Forward(x, rows, cols, logY);
            for (int r = 0; r < rows; r++)
            {
                double[] expected = ReferenceSoftmax(x.AsSpan(r * cols, cols));
                for (int j = 0; j < cols; j++)
                {
                    Assert.Equal(expected[j], y[r * cols + j], 1e-6 + 1e-5 * expected[j]);
                    Assert.Equal(Math.Log(expected[j]), logY[r * cols + j], 2e-5 * (1 + Math.Abs(Math.Log(expected[j]))));
                }
            }
        }
    }

    [Fact]
    public void Forward_IsStable_ForHugeLogits()
    {
        float[] x = [1000f, 1001f, -1000f, 999f];
        var y = new float[4];
        Softmax.Forward(x, 1, 4, y);
        double[] expected = ReferenceSoftmax(x);
        for (int j = 0; j < 4; j++)
        {
            Assert.Equal(expected[j], y[j], 1e-6);
        }

        LogSoftmax.Forward(x, 1, 4, y);
        // max is 1001: -1000 - 1001 - log(e^0 + e^-1 + e^-2 + e^-2001).
        Assert.Equal(-2001 - Math.Log(1 + Math.Exp(-1) + Math.Exp(-2)), y[2], 1e-3);
        Assert.True(float.IsFinite(y[2]));
    }

    [Fact]
    public void Forward_WorksInPlace()
    {
        var rng = new Random(2);
        float[] x = GemmCheck.Random(rng, 2 * 300);
        float[] expected = new float[x.Length];
        float[] expectedLog = new float[x.Length];
        Softmax.Forward(x, 2, 300, expected);
        LogSoftmax.Forward(x, 2, 300, expectedLog);
        float[] inPlace = (float[])x.Clone();
        Softmax.Forward(inPlace, 2, 300, inPlace);
        Assert.Equal(expected, inPlace);
        inPlace = (float[])x.Clone();
        LogSoftmax.Forward(inPlace, 2, 300, inPlace);
        Assert.Equal(expectedLog, inPlace);
    }

    [Fact]
    public void Forward_GivesNaNRow_WhenRowHasNaN()
    {
        float[] x = [1f, float.NaN, 2f, 1f, 2f, 3f];
        var y = new float[6];
        Softmax.Forward(x, 2, 3, y);
        Assert.All(y.AsSpan(0, 3).ToArray(), v => Assert.True(float.IsNaN(v)));
        Assert.All(y.AsSpan(3, 3).ToArray(), v => Assert.False(float.IsNaN(v)));
        LogSoftmax.Forward(x, 2, 3, y);
        Assert.All(y.AsSpan(0, 3).ToArray(), v => Assert.True(float.IsNaN(v)));
        Assert.All(y.AsSpan(3, 3).ToArray(), v => Assert.False(float.IsNaN(v)));
    }

    [Fact]
    public void Backward_MatchesFiniteDifferences()
    {
        // L = Σ dy · f(x); dL/dx by central differences in double, against the kernels' analytic gradients.
        var rng = new Random(3);
        const int rows = 2, cols = 300;
        float[] x = GemmCheck.Random(rng, rows * cols);
        float[] dy = GemmCheck.Random(rng, rows * cols);
        var y = new float[rows * cols];
        var dx = new float[rows * cols];
        foreach (bool log in new[] { false, true })
        {
            if (log)
            {
                LogSoftmax.Forward(x, rows, cols, y);
                LogSoftmax.Backward(y, dy, rows, cols, dx);
            }
            else
            {
                Softmax.Forward(x, rows, cols, y);
                Softmax.Backward(y, dy, rows, cols, dx);
            }

            for (int r = 0; r < rows; r++)
            {
                for (int j = 0; j < cols; j += 37)
                {
                    double Loss(double delta)
                    {
                        float[] row = x.AsSpan(r * cols, cols).ToArray();
                        double[] p = ReferenceSoftmaxShifted(row, j, delta);
                        double l = 0;
                        for (int q = 0; q < cols; q++)
                        {
                            l += dy[r * cols + q] * (log ? Math.Log(p[q]) : p[q]);
                        }

                        return l;
                    }

                    double numeric = (Loss(1e-4) - Loss(-1e-4)) / 2e-4;
                    Assert.Equal(numeric, dx[r * cols + j], 1e-4);
                }
            }
        }
    }

    [Fact]
    public void Backward_WorksInPlaceOnDy()
    {
        var rng = new Random(4);
        float[] x = GemmCheck.Random(rng, 3 * 290);
        float[] dy = GemmCheck.Random(rng, x.Length);
        var y = new float[x.Length];
        var expected = new float[x.Length];
        LogSoftmax.Forward(x, 3, 290, y);
        LogSoftmax.Backward(y, dy, 3, 290, expected);
        float[] inPlace = (float[])dy.Clone();
        LogSoftmax.Backward(y, inPlace, 3, 290, inPlace);
        Assert.Equal(expected, inPlace);
    }

    [Fact]
    public void Forward_Throws_WhenSpanTooShort()
    {
        var e = Assert.Throws<ArgumentException>(() => Softmax.Forward(new float[5], 2, 3, new float[6]));
        Assert.Equal("x", e.ParamName);
        Assert.Contains("[2 × 3]", e.Message);
        e = Assert.Throws<ArgumentException>(() => LogSoftmax.Forward(new float[6], 2, 3, new float[5]));
        Assert.Equal("y", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => Softmax.Forward(new float[6], -1, 3, new float[6]));
    }

    private static double[] ReferenceSoftmaxShifted(float[] row, int j, double delta)
    {
        var xs = new double[row.Length];
        for (int q = 0; q < row.Length; q++)
        {
            xs[q] = row[q] + (q == j ? delta : 0);
        }

        double max = xs.Max();
        double sum = xs.Sum(v => Math.Exp(v - max));
        return xs.Select(v => Math.Exp(v - max) / sum).ToArray();
    }
}
