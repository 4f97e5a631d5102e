using Microsoft.ML.Recurrent.Translation.Evaluation;

namespace Microsoft.ML.Recurrent.Tests.Translation.Evaluation;

// Every expected number below is worked out by hand from sacreBLEU's formula (clipped counts, exp smoothing,
// brevity penalty), not taken from this code.
public sealed class CorpusBleuTests
{
    [Fact]
    public void Compute_Is100_ForIdenticalSentences()
    {
        var s = CorpusBleu.Compute(["the cat sat on the mat"], ["the cat sat on the mat"]);
        Assert.Equal(100.0, s.Score, 10);
        Assert.Equal(1.0, s.BrevityPenalty);
    }

    [Fact]
    public void Compute_ClipsCountsAndSmoothsZeroPrecisions()
    {
        // unigrams: 'the' x7 clipped to 2 -> 2/7; bigrams 0/6 -> 100/(2*6); trigrams 0/5 -> 100/(4*5);
        // 4-grams 0/4 -> 100/(8*4); BP = 1 (7 >= 6). BLEU = (28.571 * 8.333 * 5 * 3.125)^(1/4) = 7.80985.
        var s = CorpusBleu.Compute(["the the the the the the the"], ["the cat is on the mat"]);
        Assert.Equal(new long[] { 2, 0, 0, 0 }, s.Correct);
        Assert.Equal(new long[] { 7, 6, 5, 4 }, s.Total);
        Assert.Equal(7.80984984, s.Score, 6);
    }

    [Fact]
    public void Compute_IsZero_WhenNoFourGramExists()
    {
        // 3 tokens: no 4-gram, so precision 4 is 0 and sacreBLEU (no effective order) gives 0.
        var s = CorpusBleu.Compute(["the cat sat"], ["the cat sat on the mat"]);
        Assert.Equal(0.0, s.Score);
    }

    [Fact]
    public void Compute_SumsStatisticsOverTheCorpus_AndAppliesBrevityPenalty()
    {
        // matches 9,7,5,3 of 9,7,5,3: every precision 100; c = 9, r = 10: BP = exp(1 - 10/9) = 0.894839.
        var s = CorpusBleu.Compute(["the cat sat on the mat", "a dog ran"], ["the cat sat on the mat", "a dog ran away"]);
        Assert.Equal(new long[] { 9, 7, 5, 3 }, s.Correct);
        Assert.Equal(0.89483931681, s.BrevityPenalty, 9);
        Assert.Equal(89.48393168, s.Score, 6);
    }

    [Fact]
    public void Compute_IsCaseSensitive_UnlessLowercased()
    {
        // Cased: 5/7, 4/6, 3/5, 2/4 -> 100 * (1/7)^(1/4) = 61.47882. Lower-cased: identical token lists -> 100.
        string hyp = "The Cat sat on the mat .", reference = "the cat sat on the mat.";
        Assert.Equal(61.47881530, CorpusBleu.Compute([hyp], [reference]).Score, 6);
        Assert.Equal(100.0, CorpusBleu.Compute([hyp], [reference], lowercase: true).Score, 10);
    }

    [Fact]
    public void Compute_IsZero_ForEmptyHypotheses()
    {
        var s = CorpusBleu.Compute([""], ["a b c d"]);
        Assert.Equal(0.0, s.Score);
        Assert.Equal(0.0, s.BrevityPenalty);
    }

    [Fact]
    public void Compute_RejectsMisalignedLists()
    {
        var e = Assert.Throws<ArgumentException>(() => CorpusBleu.Compute(["a"], ["a", "b"]));
        Assert.Contains("1 hypotheses but 2 references", e.Message);
    }
}
