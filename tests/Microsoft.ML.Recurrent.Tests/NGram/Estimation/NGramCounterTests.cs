using Microsoft.ML.Recurrent.NGram.Estimation;

namespace Microsoft.ML.Recurrent.Tests.NGram.Estimation;

public sealed class NGramCounterTests
{
    // Ids: <unk> 0, <s> 1, </s> 2, a 3, b 4 (order of first appearance).
    internal static CountedCorpus CountAbCorpus(int order)
    {
        var corpus = CorpusReader.Read(["a b", "b a b"], "<unk>", 0, "test");
        return NGramCounter.Count(corpus, order);
    }

    internal static Dictionary<string, int> Table(CountedCorpus counted, int order, Func<NGramCounts, int[]> values)
    {
        var result = new Dictionary<string, int>();
        var counts = counted.Higher[order - 2];
        for (int g = 0; g < counts.Count; g++)
        {
            var words = new List<string>();
            int index = g;
            for (int k = order; k >= 2; k--)
            {
                words.Insert(0, counted.Words[counted.Higher[k - 2].Word[index]]);
                index = counted.Higher[k - 2].Context[index];
            }
            words.Insert(0, counted.Words[index]);
            result[string.Join(' ', words)] = values(counts)[g];
        }
        return result;
    }

    [Fact]
    public void Count_GivesRawCountsOfWindowsAfterOneSentenceStart()
    {
        var counted = CountAbCorpus(3);
        Assert.Equal(["<unk>", "<s>", "</s>", "a", "b"], counted.Words);
        Assert.Equal([0, 0, 2, 2, 3], counted.UnigramRaw);
        Assert.Equal(new Dictionary<string, int> { ["<s> a"] = 1, ["a b"] = 2, ["b </s>"] = 2, ["<s> b"] = 1, ["b a"] = 1 }, Table(counted, 2, c => c.Raw));
        Assert.Equal(new Dictionary<string, int> { ["<s> a b"] = 1, ["a b </s>"] = 2, ["<s> b a"] = 1, ["b a b"] = 1 }, Table(counted, 3, c => c.Raw));
    }

    [Fact]
    public void Count_SortsByContextThenWord_AndLinksSuffixes()
    {
        var counted = CountAbCorpus(3);
        foreach (var counts in counted.Higher)
        {
            for (int g = 1; g < counts.Count; g++)
                Assert.True(counts.Context[g - 1] < counts.Context[g] || (counts.Context[g - 1] == counts.Context[g] && counts.Word[g - 1] < counts.Word[g]));
        }
        // Every trigram's suffix is the bigram made of its last two words.
        var bigrams = counted.Higher[0];
        var trigrams = counted.Higher[1];
        for (int g = 0; g < trigrams.Count; g++)
        {
            int suffix = trigrams.Suffix[g];
            Assert.Equal(trigrams.Word[g], bigrams.Word[suffix]);
            Assert.Equal(bigrams.Word[trigrams.Context[g]], bigrams.Context[suffix]);
        }
    }

    [Fact]
    public void Count_RecordsSuffixesOfTheLastWindowInSuffixOrder()
    {
        // The last window in suffix order is "b a b" (line 2), so the pending unigram is b and the bigram "a b".
        var counted = CountAbCorpus(3);
        Assert.Equal(4, counted.LastPending[0]);
        var bigrams = counted.Higher[0];
        Assert.Equal(3, bigrams.Context[counted.LastPending[1]]);
        Assert.Equal(4, bigrams.Word[counted.LastPending[1]]);
    }
}
