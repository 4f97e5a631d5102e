using Microsoft.ML.Recurrent.Tensors.Autograd;
using static Microsoft.ML.Recurrent.Tensors.Tests.Autograd.GradientCheck;

namespace Microsoft.ML.Recurrent.Tensors.Tests.Autograd.Ops;

/// <summary>Finite-difference gradient checks of every op (the recurrent layers have their own).</summary>
public sealed class OpGradientTests
{
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void MatMul_AllTransposes(bool ta, bool tb)
    {
        var a = Random(ta ? new Shape(4, 3) : new Shape(3, 4), 1);
        var b = Random(tb ? new Shape(5, 4) : new Shape(4, 5), 2);
        Check(() => [Functional.MatMul(a, b, ta, tb)], [a, b]);
    }

    [Fact]
    public void Linear_WithBias_OnRank3Input()
    {
        var x = Random(new Shape(2, 3, 4), 1);
        var w = Random(new Shape(5, 4), 2);
        var b = Random(new Shape(5), 3);
        Check(() => [Functional.Linear(x, w, b)], [x, w, b]);
    }

    [Fact]
    public void Add_And_Mul()
    {
        var a = Random(new Shape(3, 4), 1);
        var b = Random(new Shape(3, 4), 2);
        Check(() => [Functional.Add(a, b), Functional.Mul(a, b)], [a, b]);
    }

    [Fact]
    public void Mul_SameTensorTwice_AccumulatesBothPaths()
    {
        var a = Random(new Shape(6), 1);
        Check(() => [Functional.Mul(a, a)], [a]);
    }

    [Fact]
    public void Tanh_Sigmoid()
    {
        var x = Random(new Shape(3, 5), 1, -2f, 2f);
        Check(() => [Functional.Tanh(x), Functional.Sigmoid(x)], [x]);
    }

    [Fact]
    public void Relu_AwayFromTheKink()
    {
        var x = Random(new Shape(20), 1, 0.1f, 1f);
        var s = x.Span;
        for (int i = 0; i < s.Length; i += 2)
        {
            s[i] = -s[i];
        }
        Check(() => [Functional.Relu(x)], [x]);
    }

    [Fact]
    public void Embedding_RepeatedIds_ScatterAdd()
    {
        var w = Random(new Shape(5, 3), 1);
        int[] ids = [4, 0, 4, 2, 4, 1];
        Check(() => [Functional.Embedding(w, ids, new Shape(2, 3))], [w]);
    }

    [Fact]
    public void Dropout_SameMaskInBothPasses()
    {
        var x = Random(new Shape(4, 6), 1);
        // A fresh generator with the same seed per forward makes the finite differences see the same mask.
        Check(() => [Functional.Dropout(x, 0.4f, new Random(9))], [x]);
    }

    [Fact]
    public void LayerNorm_InputWeightBias()
    {
        var x = Random(new Shape(3, 6), 1, -2f, 2f);
        var w = Random(new Shape(6), 2, 0.5f, 1.5f);
        var b = Random(new Shape(6), 3);
        Check(() => [Functional.LayerNorm(x, w, b)], [x, w, b]);
    }

    [Fact]
    public void LogSoftmax()
    {
        var x = Random(new Shape(3, 7), 1, -3f, 3f);
        Check(() => [Functional.LogSoftmax(x)], [x]);
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(0.2f)]
    public void CrossEntropy_WithIgnoredRow(float smoothing)
    {
        var x = Random(new Shape(4, 5), 1, -2f, 2f);
        int[] targets = [3, Functional.DefaultIgnoreIndex, 0, 4];
        Check(() => [Functional.CrossEntropy(x, targets, labelSmoothing: smoothing)], [x]);
    }

    [Fact]
    public void MseLoss_BothArguments()
    {
        var a = Random(new Shape(3, 4), 1);
        var b = Random(new Shape(3, 4), 2);
        Check(() => [Functional.MseLoss(a, b)], [a, b]);
    }

    [Fact]
    public void Sum_Mean()
    {
        var x = Random(new Shape(2, 3, 4), 1);
        Check(() => [Functional.Sum(x), Functional.Mean(x)], [x]);
    }

    [Fact]
    public void Reshape_And_Concat()
    {
        var a = Random(new Shape(2, 3, 2), 1);
        var b = Random(new Shape(2, 3, 3), 2);
        Check(() => [Functional.Concat([a, b], -1).Reshape(6, 5), Functional.Concat([a.Reshape(3, 2, 2), a.Reshape(3, 2, 2)], 0)], [a, b]);
    }
}
