using Microsoft.ML.Recurrent.Tensors.Autograd;
using static Microsoft.ML.Recurrent.Tensors.Tests.Autograd.GradientCheck;

namespace Microsoft.ML.Recurrent.Tensors.Tests.Autograd.Ops;

/// <summary>The fused masked dot-product attention against finite differences and a plain double-precision loop.</summary>
public sealed class DotAttentionTests
{
    private const int S = 4, B = 3, M = 5;
    private static readonly int[] Lengths = [4, 2, 1];

    [Fact]
    public void GradientsOfContextAndWeightsInStatesAndQuery()
    {
        var states = Random(new Shape(S * B, M), 1);
        var query = Random(new Shape(B, M), 2);
        Check(() =>
        {
            var (context, weights) = Functional.DotAttention(states, query, Lengths);
            return [context, weights];
        }, [states, query]);
        Check(() => [Functional.DotAttention(states, query, Lengths).Context], [states, query], seed: 2);
        Check(() => [Functional.DotAttention(states, query, Lengths).Weights], [states, query], seed: 3);
    }

    [Fact]
    public void MatchesTheDefinitionAndMasksPaddedPositions()
    {
        var states = Random(new Shape(S * B, M), 3);
        var query = Random(new Shape(B, M), 4);
        var (context, weights) = Functional.DotAttention(states, query, Lengths);
        var x = states.ToArray();
        var q = query.ToArray();
        for (int b = 0; b < B; b++)
        {
            var score = new double[S];
            for (int s = 0; s < Lengths[b]; s++)
            {
                for (int m = 0; m < M; m++)
                {
                    score[s] += (double)x[(s * B + b) * M + m] * q[b * M + m];
                }
            }
            double max = score.Take(Lengths[b]).Max(), sum = 0;
            var w = new double[S];
            for (int s = 0; s < Lengths[b]; s++)
            {
                w[s] = Math.Exp(score[s] - max);
                sum += w[s];
            }
            for (int s = 0; s < S; s++)
            {
                w[s] /= sum;
                Assert.Equal(w[s], weights.Span[b * S + s], 1e-6);
            }
            for (int m = 0; m < M; m++)
            {
                double c = 0;
                for (int s = 0; s < S; s++)
                {
                    c += w[s] * x[(s * B + b) * M + m];
                }
                Assert.Equal(c, context.Span[b * M + m], 1e-5);
            }
        }
        Assert.Equal(0f, weights.Span[1 * S + 2]);
        Assert.Equal(0f, weights.Span[2 * S + 1]);
    }

    [Fact]
    public void BadShapesAndLengthsNameWhatIsWrong()
    {
        var states = Tensor.Zeros(S * B, M);
        var query = Tensor.Zeros(B, M);
        var wrongWidth = Assert.Throws<ArgumentException>(() => Functional.DotAttention(states, Tensor.Zeros(B, M + 1), Lengths));
        Assert.Contains("(12, 5)", wrongWidth.Message);
        Assert.Contains("(3, 6)", wrongWidth.Message);
        var zero = Assert.Throws<ArgumentException>(() => Functional.DotAttention(states, query, [4, 0, 1]));
        Assert.Contains("lengths[1] = 0", zero.Message);
        Assert.Throws<ArgumentException>(() => Functional.DotAttention(states, query, [4, 2]));
    }
}
