using Microsoft.ML.Recurrent.LanguageModels;

namespace Microsoft.ML.Recurrent.Tests.LanguageModels;

public sealed class RowMajorGemvTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 3)]        // fewer columns than one vector: scalar rows only
    [InlineData(8, 8)]        // exactly one 8-row pass of one vector
    [InlineData(13, 11)]      // row tail (5) and column tail (3)
    [InlineData(17, 16)]      // one AVX-512 vector, row tail 1
    [InlineData(800, 200)]    // the PTB gate matrices
    [InlineData(24, 203)]     // long rows with a column tail
    public void Compute_MatchesADoublePrecisionOracle(int rows, int cols)
    {
        var random = new Random(rows * 1000 + cols);
        float[] w = Fill(random, rows * cols), x = Fill(random, cols), bias = Fill(random, rows);
        var y = new float[rows + 1];
        y[rows] = 123f;     // guard: nothing past the rows is written
        RowMajorGemv.Compute(w, rows, cols, x, bias, y);
        for (int r = 0; r < rows; r++)
        {
            double expected = bias[r], magnitude = Math.Abs(bias[r]);
            for (int c = 0; c < cols; c++)
            {
                expected += (double)w[r * cols + c] * x[c];
                magnitude += Math.Abs((double)w[r * cols + c] * x[c]);
            }
            // float accumulation in any order: error ≤ (cols + 1) · ε · Σ|terms| (standard summation bound)
            double bound = (cols + 1) * 1.2e-7 * magnitude;
            Assert.True(Math.Abs(y[r] - expected) <= bound, $"row {r}: {y[r]} vs {expected} (bound {bound})");
        }
        Assert.Equal(123f, y[rows]);
    }

    [Fact]
    public void Compute_IsDeterministic()
    {
        var random = new Random(5);
        float[] w = Fill(random, 40 * 200), x = Fill(random, 200), bias = Fill(random, 40);
        float[] a = new float[40], b = new float[40];
        RowMajorGemv.Compute(w, 40, 200, x, bias, a);
        RowMajorGemv.Compute(w, 40, 200, x, bias, b);
        Assert.Equal(a, b);
    }

    private static float[] Fill(Random random, int n)
    {
        var values = new float[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = (float)(random.NextDouble() * 2 - 1);
        }
        return values;
    }
}
