using Microsoft.ML.Recurrent.Tensors.Autograd;

namespace Microsoft.ML.Recurrent.Tensors.Tests.Autograd.Ops;

/// <summary>Tiny hand-computed values and argument errors of the ops.</summary>
public sealed class OpValueTests
{
    [Fact]
    public void MatMul_HandComputed()
    {
        var a = Tensor.FromArray([1, 2, 3, 4], new Shape(2, 2));
        var b = Tensor.FromArray([5, 6, 7, 8], new Shape(2, 2));
        Assert.Equal([19f, 22f, 43f, 50f], Functional.MatMul(a, b).ToArray());
        Assert.Equal([26f, 30f, 38f, 44f], Functional.MatMul(a, b, transposeA: true).ToArray());
    }

    [Fact]
    public void MatMul_InnerMismatch_NamesBothShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Functional.MatMul(Tensor.Zeros(2, 3), Tensor.Zeros(4, 5)));
        Assert.Contains("(2, 3)", ex.Message);
        Assert.Contains("(4, 5)", ex.Message);
    }

    [Fact]
    public void Add_ShapeMismatch_NamesBothShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Functional.Add(Tensor.Zeros(2, 3), Tensor.Zeros(3, 2)));
        Assert.Contains("(2, 3)", ex.Message);
        Assert.Contains("(3, 2)", ex.Message);
    }

    [Fact]
    public void CrossEntropy_UniformLogits_IsLogC()
    {
        var loss = Functional.CrossEntropy(Tensor.Zeros(3, 8), new int[] { 1, 2, 7 });
        Assert.Equal(MathF.Log(8), loss.Item(), 5);
    }

    [Fact]
    public void CrossEntropy_IgnoredRowsDoNotCount()
    {
        var logits = Tensor.FromArray([2, 0, 0, 2], new Shape(2, 2));
        var loss = Functional.CrossEntropy(logits, new int[] { 0, Functional.DefaultIgnoreIndex });
        Assert.Equal(MathF.Log(1 + MathF.Exp(-2)), loss.Item(), 5);
    }

    [Fact]
    public void CrossEntropy_TargetOutOfRange_NamesRowAndValue()
    {
        var ex = Assert.Throws<ArgumentException>(() => Functional.CrossEntropy(Tensor.Zeros(2, 3), new int[] { 0, 3 }));
        Assert.Contains("row 1", ex.Message);
        Assert.Contains("target 3", ex.Message);
    }

    [Fact]
    public void Embedding_IdOutOfRange_NamesPositionAndValue()
    {
        var ex = Assert.Throws<ArgumentException>(() => Functional.Embedding(Tensor.Zeros(4, 2), new int[] { 1, 9 }));
        Assert.Contains("id 9 at position 1", ex.Message);
    }

    [Fact]
    public void LayerNorm_RowHasZeroMeanUnitVariance()
    {
        var y = Functional.LayerNorm(Tensor.FromArray([1, 2, 3, 4], new Shape(1, 4)), Tensor.FromArray([1, 1, 1, 1], new Shape(4)), Tensor.Zeros(4), 0f);
        var s = y.ToArray();
        Assert.Equal(0f, s.Sum(), 5);
        Assert.Equal(1f, s.Select(v => v * v).Average(), 4);
    }

    [Fact]
    public void Dropout_KeepsExpectation_AndIsIdentityInEval()
    {
        var x = Tensor.Zeros(10000);
        x.Fill(1f);
        var y = Functional.Dropout(x, 0.3f, new Random(1));
        Assert.InRange(y.ToArray().Average(), 0.97f, 1.03f);
        Assert.Contains(0f, y.ToArray());
        Assert.Same(x, Functional.Dropout(x, 0.3f, new Random(1), training: false));
    }

    [Fact]
    public void MseLoss_HandComputed()
    {
        var loss = Functional.MseLoss(Tensor.FromArray([1, 2], new Shape(2)), Tensor.FromArray([3, 2], new Shape(2)));
        Assert.Equal(2f, loss.Item());
    }
}
