using Microsoft.ML.Recurrent.Tensors.Optimizers;

namespace Microsoft.ML.Recurrent.Tensors.Tests.Optimizers;

public sealed class GradientClippingTests
{
    private static Tensor WithGrad(params float[] g)
    {
        var p = Tensor.Zeros(g.Length);
        p.Grad = Tensor.FromArray(g, new Shape(g.Length));
        return p;
    }

    [Fact]
    public void GlobalNorm_ScalesAllGradientsTogether()
    {
        var a = WithGrad(3, 0);
        var b = WithGrad(0, 4);
        float norm = GradientClipping.ClipByGlobalNorm([a, b], 1f);
        Assert.Equal(5f, norm, 5);
        Assert.Equal(0.6f, a.Grad!.Span[0], 5);
        Assert.Equal(0.8f, b.Grad!.Span[1], 5);
    }

    [Fact]
    public void GlobalNorm_BelowMax_LeavesGradients()
    {
        var a = WithGrad(0.3f, 0.4f);
        GradientClipping.ClipByGlobalNorm([a], 1f);
        Assert.Equal([0.3f, 0.4f], a.Grad!.ToArray());
    }

    [Fact]
    public void ByValue_ClampsEachElement()
    {
        var a = WithGrad(-3, 0.5f, 2);
        GradientClipping.ClipByValue([a], 1f);
        Assert.Equal([-1f, 0.5f, 1f], a.Grad!.ToArray());
    }
}
