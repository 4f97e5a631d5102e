using Microsoft.ML.Recurrent.Tensors.Layers;

namespace Microsoft.ML.Recurrent.Tensors.Tests.Layers;

public sealed class InitTests
{
    [Theory]
    [InlineData(6, 4)]
    [InlineData(4, 6)]
    public void Orthogonal_GivesOrthonormalRowsOrColumns(int rows, int cols)
    {
        var t = Tensor.Zeros(rows, cols);
        Init.Orthogonal(t, new Random(1));
        var w = t.Span;
        bool byRows = rows <= cols;
        int count = byRows ? rows : cols, length = byRows ? cols : rows;
        for (int i = 0; i < count; i++)
        {
            for (int j = 0; j < count; j++)
            {
                double dot = 0;
                for (int k = 0; k < length; k++)
                {
                    dot += byRows ? w[i * cols + k] * w[j * cols + k] : w[k * cols + i] * w[k * cols + j];
                }
                Assert.Equal(i == j ? 1.0 : 0.0, dot, 4);
            }
        }
    }

    [Fact]
    public void Xavier_StaysWithinGlorotBound()
    {
        var t = Tensor.Zeros(30, 10);
        Init.XavierUniform(t, new Random(1));
        float bound = MathF.Sqrt(6f / 40f);
        Assert.All(t.ToArray(), v => Assert.InRange(v, -bound, bound));
        Assert.True(t.ToArray().Max() > 0.8f * bound);
    }

    [Fact]
    public void ForgetGateBias_SetsSecondQuarterOfBiasIh_AndClearsItInBiasHh()
    {
        var lstm = new Lstm(2, 3);
        Init.ForgetGateBias(lstm, 1f);
        var bih = lstm.NamedParameters().First(p => p.Key == "bias_ih_l0").Value.ToArray();
        var bhh = lstm.NamedParameters().First(p => p.Key == "bias_hh_l0").Value.ToArray();
        Assert.Equal([1f, 1f, 1f], bih[3..6]);
        Assert.Equal([0f, 0f, 0f], bhh[3..6]);
    }
}
