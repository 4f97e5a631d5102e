using Microsoft.ML.Recurrent.NGram.Estimation;

namespace Microsoft.ML.Recurrent.Tests.NGram.Estimation;

public sealed class KneserNeyDiscountsTests
{
    [Fact]
    public void Estimate_FollowsChenGoodmanEquation26()
    {
        long[] n = [0, 100, 40, 20, 10];
        var d = KneserNeyDiscounts.Estimate(2, n, null, out string? warning);
        Assert.Null(warning);
        double y = 100.0 / (100 + 2 * 40);
        Assert.Equal(1 - 2 * y * 40 / 100, d.D1, 1e-6);
        Assert.Equal(2 - 3 * y * 20 / 40, d.D2, 1e-6);
        Assert.Equal(3 - 4 * y * 10 / 20, d.D3Plus, 1e-6);
        Assert.Equal(0f, d.Get(0));
        Assert.Equal(d.D3Plus, d.Get(7));
        Assert.Equal(7f - d.D3Plus, d.Apply(7));
    }

    [Fact]
    public void Estimate_FailsWithAdvice_WhenNoCountOfTwo()
    {
        var e = Assert.Throws<InvalidOperationException>(() => KneserNeyDiscounts.Estimate(3, [0, 5, 0, 1, 1], null, out _));
        Assert.Contains("3-grams", e.Message);
        Assert.Contains("adjusted count 2", e.Message);
        Assert.Contains("DiscountFallback", e.Message);
    }

    [Fact]
    public void Estimate_UsesFallback_WhenGiven()
    {
        var d = KneserNeyDiscounts.Estimate(1, [0, 5, 0, 0, 0], [0.5f, 1f, 1.5f], out string? warning);
        Assert.Equal(new KneserNeyDiscounts(0.5f, 1f, 1.5f), d);
        Assert.NotNull(warning);
    }

    [Fact]
    public void Estimate_FailsWhenDiscountOutOfRange()
    {
        // Y = 10/12; D2 = 2 - 3·Y·n3/n2 = 2 - 3·(10/12)·100 is far below 0.
        var e = Assert.Throws<InvalidOperationException>(() => KneserNeyDiscounts.Estimate(1, [0, 10, 1, 100, 1], null, out _));
        Assert.Contains("outside", e.Message);
    }
}
