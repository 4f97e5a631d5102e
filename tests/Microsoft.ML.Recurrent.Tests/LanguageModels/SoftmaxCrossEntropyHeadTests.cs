using Microsoft.ML.Recurrent.LanguageModels;

namespace Microsoft.ML.Recurrent.Tests.LanguageModels;

public sealed class SoftmaxCrossEntropyHeadTests
{
    [Fact]
    public void TwoClasses_MatchHandComputedLossAndGradient()
    {
        // One row, x = [1], W = [[1], [0]], b = [0, 0]: logits (1, 0); p = (e/(e+1), 1/(e+1)).
        var head = new SoftmaxCrossEntropyHead(2, 1, 1);
        float[] dX = new float[1], dW = new float[2], dB = new float[2];
        double loss = head.ForwardBackward([1f], [1f, 0f], [0f, 0f], [1], 1f, dX, dW, dB, false);
        double p0 = Math.E / (Math.E + 1), p1 = 1 / (Math.E + 1);
        Assert.Equal(-Math.Log(p1), loss, 6);
        // dlogits = p − onehot(1) = (p0, p1 − 1); dW = dlogitsᵀ x; db = dlogits; dX = dlogits · W = p0.
        Assert.Equal(p0, dW[0], 5);
        Assert.Equal(p1 - 1, dW[1], 5);
        Assert.Equal(p0, dB[0], 5);
        Assert.Equal(p1 - 1, dB[1], 5);
        Assert.Equal(p0, dX[0], 5);
    }

    [Fact]
    public void LargeLogits_DoNotOverflow()
    {
        var head = new SoftmaxCrossEntropyHead(3, 1, 1);
        double loss = head.Loss([1000f], [1f, 0.5f, 0f], [0f, 0f, 0f], [0]);
        Assert.Equal(Math.Log(1 + Math.Exp(-500)), loss, 6);
    }
}
