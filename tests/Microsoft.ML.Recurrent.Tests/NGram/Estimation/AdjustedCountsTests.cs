using Microsoft.ML.Recurrent.NGram.Estimation;

namespace Microsoft.ML.Recurrent.Tests.NGram.Estimation;

public sealed class AdjustedCountsTests
{
    [Fact]
    public void KneserNey_CountsDistinctLeftExtensions_ButKeepsRawCountsAfterSentenceStart()
    {
        var counted = NGramCounterTests.CountAbCorpus(3);
        AdjustedCounts.Compute(counted, kneserNey: true);
        // a follows <s> and b; b follows a and <s>; </s> follows b only.
        Assert.Equal([0, 0, 1, 2, 2], counted.UnigramAdjusted);
        Assert.Equal(new Dictionary<string, int> { ["<s> a"] = 1, ["a b"] = 2, ["b </s>"] = 1, ["<s> b"] = 1, ["b a"] = 1 },
            NGramCounterTests.Table(counted, 2, c => c.Adjusted));
        Assert.Equal(new Dictionary<string, int> { ["<s> a b"] = 1, ["a b </s>"] = 2, ["<s> b a"] = 1, ["b a b"] = 1 },
            NGramCounterTests.Table(counted, 3, c => c.Adjusted));
    }

    [Fact]
    public void CountOfCounts_ApplyKenLmQuirk_ToTheLastPendingNGrams()
    {
        var counted = NGramCounterTests.CountAbCorpus(3);
        var n = AdjustedCounts.Compute(counted, kneserNey: true);
        // Unigram adjusted counts 1, 2, 2 would give n1=1, n2=2; the pending unigram b enters with its raw count 3.
        Assert.Equal(1, n[0][1]);
        Assert.Equal(1, n[0][2]);
        Assert.Equal(1, n[0][3]);
        // The pending bigram "a b" has adjusted = raw = 2: no change. Bigram adjusted counts 1,2,1,1,1.
        Assert.Equal(4, n[1][1]);
        Assert.Equal(1, n[1][2]);
        // Highest order: raw counts 1, 2, 1, 1.
        Assert.Equal(3, n[2][1]);
        Assert.Equal(1, n[2][2]);
    }

    [Fact]
    public void CountBasedSmoothing_UsesRawCounts()
    {
        var counted = NGramCounterTests.CountAbCorpus(3);
        AdjustedCounts.Compute(counted, kneserNey: false);
        Assert.Equal(counted.UnigramRaw, counted.UnigramAdjusted);
        foreach (var c in counted.Higher) Assert.Equal(c.Raw, c.Adjusted);
    }
}
