using Microsoft.ML.Recurrent.NGram.Query;

namespace Microsoft.ML.Recurrent.Tests.NGram.Query;

public sealed class NucleusSelectionTests
{
    // The definition: rank by weight (descending, ties by ascending id), keep the shortest prefix reaching the target.
    private static HashSet<int> SortedNucleus(int[] ids, float[] weights, double target)
    {
        var order = Enumerable.Range(0, ids.Length).OrderByDescending(i => weights[i]).ThenBy(i => ids[i]).ToArray();
        var kept = new HashSet<int>();
        double mass = 0;
        foreach (int i in order)
        {
            kept.Add(ids[i]);
            mass += weights[i];
            if (mass >= target) break;
        }
        return kept;
    }

    [Theory]
    [InlineData(1, 0.9)]
    [InlineData(5, 0.5)]
    [InlineData(100, 0.9)]
    [InlineData(1000, 0.01)]
    [InlineData(1000, 0.95)]
    [InlineData(3000, 0.999)]
    public void SelectNucleus_KeepsTheSmallestTopRankedPrefixReachingTheTarget(int count, double topP)
    {
        var random = new Random(count);
        var ids = Enumerable.Range(0, count).Select(i => i * 3 + 1).OrderBy(_ => random.Next()).ToArray();
        // Coarse weights so that many ties test the id order.
        var weights = ids.Select(_ => (float)Math.Round(Math.Pow(random.NextDouble(), 4), 2)).ToArray();
        double total = weights.Sum(w => (double)w);
        var expected = SortedNucleus(ids, weights, topP * total);

        var selectedIds = (int[])ids.Clone();
        var selectedWeights = (float[])weights.Clone();
        int kept = NucleusSelection.SelectNucleus(selectedIds, selectedWeights, topP * total);
        Assert.Equal(expected.Count, kept);
        Assert.True(expected.SetEquals(selectedIds.Take(kept)));
        // A permutation: nothing lost, weights still with their ids.
        Assert.Equal(ids.Order(), selectedIds.Order());
        for (int i = 0; i < count; i++) Assert.Equal(weights[Array.IndexOf(ids, selectedIds[i])], selectedWeights[i]);
    }

    [Fact]
    public void MassRankedBefore_SumsHeavierWordsAndEqualOnesWithSmallerIds()
    {
        var random = new Random(3);
        var weights = Enumerable.Range(0, 1037).Select(_ => (float)Math.Round(random.NextDouble(), 1)).ToArray();
        foreach (int word in new[] { 0, 1, 7, 8, 255, 256, 500, 1029, 1036 })
        {
            double expected = 0;
            for (int v = 0; v < weights.Length; v++)
                if (weights[v] > weights[word] || (weights[v] == weights[word] && v < word)) expected += weights[v];
            Assert.Equal(expected, WholeVocabularySampler.MassRankedBefore(weights, word), 3);
        }
    }
}
