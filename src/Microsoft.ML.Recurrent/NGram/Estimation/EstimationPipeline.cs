namespace Microsoft.ML.Recurrent.NGram.Estimation;

/// <summary>
/// Wires the estimation stages in KenLM's order and reports each step: 1 count (<see cref="NGramCounter"/>),
/// 2 adjust counts and count-of-counts (<see cref="AdjustedCounts"/>), 3 discounts (<see cref="KneserNeyDiscounts"/>),
/// 4 initial probabilities (<see cref="InitialProbabilities"/>), 5 interpolation (<see cref="Interpolation"/>);
/// count-based smoothings replace 3–5 by <see cref="RelativeFrequencies"/>.
/// <para>Memory: everything is in memory. Counting holds the corpus ids (4 bytes per token), two node arrays and
/// the sort buffers (4 + 4 + 24 bytes per token); each n-gram then costs 24 bytes during estimation and 16 in the
/// finished model (<see cref="EstimatedBytes"/>). Stage boundaries are arrays, so spilling to disk can come later.</para>
/// </summary>
internal static class EstimationPipeline
{
    public static (NGramModelData Data, NGramTrainingSummary Summary) Run(TokenizedCorpus corpus, NGramOptions options, IProgress<string>? log, CancellationToken cancellation)
    {
        options.Validate();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (corpus.SentenceCount == 0)
            throw new InvalidOperationException("The corpus is empty: it has no lines, so there is nothing to count.");
        log?.Report($"=== 1/5 Counting {options.Order}-grams: {corpus.WordCount} words, {corpus.SentenceCount} sentences, {corpus.VocabularySize} types ===");
        var counted = NGramCounter.Count(corpus, options.Order, cancellation);
        var ngramCounts = new long[options.Order];
        for (int n = 1; n <= options.Order; n++) ngramCounts[n - 1] = counted.CountOf(n);
        log?.Report($"Number of n-grams per order: {string.Join(" ", ngramCounts)} ({clock.Elapsed.TotalSeconds:F3} s)");

        cancellation.ThrowIfCancellationRequested();
        bool kneserNey = options.Smoothing == NGramSmoothing.KneserNey;
        log?.Report(kneserNey ? "=== 2/5 Adjusting counts ===" : "=== 2/5 Raw counts (no adjustment for this smoothing) ===");
        var countOfCounts = AdjustedCounts.Compute(counted, kneserNey);

        var warnings = new List<string>();
        NGramDiscounts[] reported = [];
        NGramModelData data;
        if (kneserNey)
        {
            log?.Report($"=== 3/5 Discounts === ({clock.Elapsed.TotalSeconds:F3} s)");
            var discounts = new KneserNeyDiscounts[options.Order];
            reported = new NGramDiscounts[options.Order];
            for (int n = 1; n <= options.Order; n++)
            {
                discounts[n - 1] = KneserNeyDiscounts.Estimate(n, countOfCounts[n - 1], options.DiscountFallback, out string? warning);
                if (warning is not null) { warnings.Add(warning); log?.Report(warning); }
                var d = discounts[n - 1];
                reported[n - 1] = new NGramDiscounts(d.D1, d.D2, d.D3Plus);
                log?.Report($"Discounts: order {n} D1={d.D1} D2={d.D2} D3+={d.D3Plus}");
            }
            cancellation.ThrowIfCancellationRequested();
            log?.Report($"=== 4/5 Initial probabilities === ({clock.Elapsed.TotalSeconds:F3} s)");
            var initial = InitialProbabilities.Compute(counted, discounts, options);
            cancellation.ThrowIfCancellationRequested();
            log?.Report($"=== 5/5 Interpolating orders === ({clock.Elapsed.TotalSeconds:F3} s)");
            data = Interpolation.Run(counted, initial, options);
            log?.Report($"Estimated ({clock.Elapsed.TotalSeconds:F3} s)");
        }
        else
        {
            log?.Report($"=== 3-5/5 {options.Smoothing} probabilities ===");
            data = RelativeFrequencies.Run(counted, options);
        }
        var summary = new NGramTrainingSummary(corpus.WordCount, corpus.SentenceCount, ngramCounts, reported, countOfCounts, warnings.ToArray());
        return (data, summary);
    }

    /// <summary>Bytes estimation needs for a corpus of <paramref name="tokens"/> ids and <paramref name="ngrams"/> n-grams in all orders.</summary>
    public static long EstimatedBytes(long tokens, long ngrams) => tokens * 36 + ngrams * 40;
}
