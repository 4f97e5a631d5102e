using Microsoft.ML.Recurrent.Tensors;
using Microsoft.ML.Recurrent.Tensors.Autograd;
using Microsoft.ML.Recurrent.Tensors.Layers;
using Microsoft.ML.Recurrent.Translation;

namespace Microsoft.ML.Recurrent.Tests.Translation;

public sealed class MaskedSoftmaxTests
{
    [Fact]
    public void Apply_GivesSoftmaxOfTheValidColumns_AndZeroBeyond()
    {
        using var x = Tensor.FromArray([0f, MathF.Log(3f), 99f, 1f, 1f, 1f], new Shape(2, 3));
        using var constants = new ConstantScope();
        var p = MaskedSoftmax.Apply(x, [2, 3], constants).ToArray();
        // Row 0: e^0 : e^ln3 = 1 : 3 over two columns; row 1: uniform over three.
        Assert.Equal([0.25f, 0.75f, 0f, 1f / 3, 1f / 3, 1f / 3], p, new FloatTolerance(1e-6f));
    }

    [Fact]
    public void Apply_GradientMatchesFiniteDifferences()
    {
        var x = Random(new Shape(3, 4), 1);
        x.RequiresGrad = true;
        var r = Random(new Shape(3, 4), 2);
        FiniteDifference.Check(x, () =>
        {
            var constants = new ConstantScope();
            return Functional.Sum(Functional.Mul(MaskedSoftmax.Apply(x, [4, 2, 3], constants), r));
        });
    }

    [Theory]
    [InlineData(AttentionKind.Bahdanau)]
    [InlineData(AttentionKind.LuongDot)]
    [InlineData(AttentionKind.LuongGeneral)]
    public void Attend_GradientsMatchFiniteDifferences(AttentionKind kind)
    {
        const int S = 3, B = 2, H = 4;
        var attention = new Attention(kind, H, H, 5, seed: 3);
        var memory = Random(new Shape(S, B, H), 4);
        memory.RequiresGrad = true;
        var query = Random(new Shape(B, H), 5);
        query.RequiresGrad = true;
        var r1 = Random(new Shape(B, H), 6);
        var r2 = Random(new Shape(B, S), 7);
        int[] lengths = [3, 2];
        Tensor Loss()
        {
            var constants = new ConstantScope();
            var mem = attention.Prepare(memory, lengths);
            var (context, weights) = attention.Attend(query, mem, constants);
            return Functional.Add(Functional.Sum(Functional.Mul(context, r1)), Functional.Sum(Functional.Mul(weights, r2)));
        }
        FiniteDifference.Check(query, Loss);
        FiniteDifference.Check(memory, Loss);
        foreach (var (name, p) in attention.NamedParameters())
        {
            FiniteDifference.Check(p, Loss, probes: 6);
        }
    }

    internal static Tensor Random(Shape shape, int seed)
    {
        var t = Tensor.Zeros(shape);
        Init.Uniform(t, -1f, 1f, new Random(seed));
        return t;
    }

    private sealed class FloatTolerance(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float a, float b) => Math.Abs(a - b) <= tolerance;

        public int GetHashCode(float obj) => 0;
    }
}
