namespace Microsoft.ML.Recurrent.NGram.Estimation;

/// <summary>
/// Stage 2: raw counts → the counts estimation uses, plus count-of-counts for the discounts.
/// <para>Input: a <see cref="CountedCorpus"/> from stage 1. Output: its <c>Adjusted</c> arrays filled, and
/// n_1..n_4 per order (index [order−1][j]).</para>
/// <para>Kneser-Ney (Chen and Goodman 1998, §3.5): the highest order keeps raw counts; a lower-order n-gram's
/// adjusted count is its number of distinct one-word left extensions, except n-grams that start with
/// <c>&lt;s&gt;</c>, which cannot be extended and keep their raw count. <c>&lt;s&gt;</c> and the unknown word have
/// unigram count 0 unless the unknown word occurs in the corpus.</para>
/// <para>KenLM quirk (reproduced so that discounts match <c>lmplz</c> exactly): when its adjust-counts stream ends,
/// the n-grams still pending in each lower order (the suffixes of the last highest-order window in suffix order)
/// enter the count-of-counts with their raw count, not their adjusted count. Only the count-of-counts see this;
/// probabilities use the true adjusted counts.</para>
/// </summary>
internal static class AdjustedCounts
{
    /// <summary>Fills the adjusted counts; returns count-of-counts n_0..n_4 for each order.</summary>
    public static long[][] Compute(CountedCorpus counted, bool kneserNey)
    {
        int order = counted.Order;
        var countOfCounts = new long[order][];
        for (int n = 0; n < order; n++) countOfCounts[n] = new long[5];

        if (!kneserNey || order == 1)
        {
            Array.Copy(counted.UnigramRaw, counted.UnigramAdjusted, counted.UnigramRaw.Length);
            foreach (var counts in counted.Higher) Array.Copy(counts.Raw, counts.Adjusted, counts.Count);
        }
        else
        {
            // Unigrams: distinct left neighbours = number of distinct bigrams ending in the word.
            var unigram = counted.UnigramAdjusted;
            Array.Clear(unigram);
            foreach (int w in counted.Higher[0].Word.AsSpan()) unigram[w]++;

            for (int n = 2; n < order; n++)
            {
                var counts = counted.Higher[n - 2];
                var extensions = counted.Higher[n - 1];
                var adjusted = counts.Adjusted;
                Array.Clear(adjusted);
                foreach (int suffix in extensions.Suffix.AsSpan()) adjusted[suffix]++;
                for (int g = 0; g < counts.Count; g++)
                    if (counts.FirstWord[g] == TokenizedCorpus.BeginId) adjusted[g] = counts.Raw[g];
            }
            var top = counted.Higher[order - 2];
            Array.Copy(top.Raw, top.Adjusted, top.Count);
        }

        Tally(counted.UnigramAdjusted, countOfCounts[0]);
        for (int n = 2; n <= order; n++) Tally(counted.Higher[n - 2].Adjusted, countOfCounts[n - 1]);

        if (kneserNey) ApplyLastPendingQuirk(counted, countOfCounts);
        return countOfCounts;
    }

    private static void Tally(int[] counts, long[] countOfCounts)
    {
        foreach (int c in counts)
            if (c < 5) countOfCounts[c]++;
    }

    private static void ApplyLastPendingQuirk(CountedCorpus counted, long[][] countOfCounts)
    {
        for (int n = 1; n < counted.Order; n++)
        {
            int g = counted.LastPending[n - 1];
            if (g < 0) break;
            int adjusted, raw;
            if (n == 1)
            {
                adjusted = counted.UnigramAdjusted[g];
                raw = counted.UnigramRaw[g];
            }
            else
            {
                var counts = counted.Higher[n - 2];
                if (counts.FirstWord[g] == TokenizedCorpus.BeginId) break; // raw == adjusted, and nothing longer is pending
                adjusted = counts.Adjusted[g];
                raw = counts.Raw[g];
            }
            if (adjusted < 5) countOfCounts[n - 1][adjusted]--;
            if (raw < 5) countOfCounts[n - 1][raw]++;
        }
    }
}
