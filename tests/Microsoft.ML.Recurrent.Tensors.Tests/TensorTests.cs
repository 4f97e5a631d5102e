using Microsoft.ML.Recurrent.Tensors.Autograd;

namespace Microsoft.ML.Recurrent.Tensors.Tests;

public sealed class TensorTests
{
    [Fact]
    public void Shape_PrintsLikeTorch_AndScalarHasOneElement()
    {
        Assert.Equal("(35, 20, 650)", new Shape(35, 20, 650).ToString());
        Assert.Equal(1, default(Shape).Length);
        Assert.Equal(455000, new Shape(35, 20, 650).Length);
    }

    [Fact]
    public void Shape_RejectsNegativeDimension()
    {
        Assert.Throws<ArgumentException>(() => new Shape(3, -1));
    }

    [Fact]
    public void Reshape_IsAView_AndWrongCountNamesBothShapes()
    {
        var t = Tensor.FromArray([1, 2, 3, 4, 5, 6], new Shape(2, 3));
        var v = t.Reshape(3, 2);
        v.Span[0] = 9;
        Assert.Equal(9, t.Span[0]);
        var ex = Assert.Throws<ArgumentException>(() => t.Reshape(4, 2));
        Assert.Contains("(2, 3)", ex.Message);
        Assert.Contains("(4, 2)", ex.Message);
    }

    [Fact]
    public void Narrow_SelectsOuterSlices()
    {
        var t = Tensor.FromArray([1, 2, 3, 4, 5, 6], new Shape(3, 2));
        Assert.Equal([3f, 4f, 5f, 6f], t.Narrow(1, 2).ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => t.Narrow(2, 2));
    }

    [Fact]
    public void TapeDispose_ReleasesResults_AndDetachedCopySurvives()
    {
        var x = Tensor.FromArray([1, 2], new Shape(2));
        Tensor y, kept;
        using (Tape.Begin())
        {
            y = Functional.Add(x, x);
            kept = y.Detach();
        }
        Assert.True(y.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => y.Span[0]);
        Assert.Equal([2f, 4f], kept.ToArray());
        Assert.False(x.IsDisposed);
    }

    [Fact]
    public void NoGradTape_RecordsNothing()
    {
        var w = Tensor.FromArray([1, 2], new Shape(2));
        w.RequiresGrad = true;
        using var tape = Tape.NoGrad();
        var y = Functional.Sum(Functional.Mul(w, w));
        Assert.Equal(0, tape.Count);
        Assert.False(y.RequiresGrad);
        Assert.Throws<InvalidOperationException>(() => y.Backward());
    }

    [Fact]
    public void Backward_AccumulatesIntoLeafGradients()
    {
        var w = Tensor.FromArray([1, 2], new Shape(2));
        w.RequiresGrad = true;
        for (int i = 0; i < 2; i++)
        {
            using var tape = Tape.Begin();
            Functional.Sum(Functional.Mul(w, w)).Backward();
        }
        Assert.Equal([4f, 8f], w.Grad!.ToArray());
    }

    [Fact]
    public void HasNonFinite_FindsNaNAndInfinity()
    {
        var t = Tensor.Zeros(5000);
        Assert.False(t.HasNonFinite());
        t.Span[4999] = float.PositiveInfinity;
        Assert.True(t.HasNonFinite());
        t.Span[4999] = float.NaN;
        Assert.True(t.HasNonFinite());
        t.Span[4999] = float.MaxValue;
        t.Span[4998] = float.MaxValue;
        Assert.False(t.HasNonFinite());
    }
}
