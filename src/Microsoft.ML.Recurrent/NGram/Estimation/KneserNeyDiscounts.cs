namespace Microsoft.ML.Recurrent.NGram.Estimation;

/// <summary>
/// The three modified Kneser-Ney discounts of one order, D1, D2 and D3+ (Chen and Goodman 1998, eq. 26):
/// Y = n1 / (n1 + 2·n2), D_j = j − (j+1)·Y·n_{j+1}/n_j, computed in single precision like KenLM.
/// </summary>
internal readonly struct KneserNeyDiscounts
{
    public KneserNeyDiscounts(float d1, float d2, float d3Plus)
    {
        D1 = d1;
        D2 = d2;
        D3Plus = d3Plus;
    }

    public float D1 { get; }

    public float D2 { get; }

    public float D3Plus { get; }

    /// <summary>The discount of an n-gram with (adjusted) count <paramref name="count"/>; 0 for count 0.</summary>
    public float Get(long count) => count switch { <= 0 => 0f, 1 => D1, 2 => D2, _ => D3Plus };

    /// <summary>count − D(count), in single precision as KenLM computes it.</summary>
    public float Apply(long count) => (float)count - Get(count);

    /// <summary>
    /// Estimates the discounts of one order from its count-of-counts <paramref name="n"/> (n[1]..n[4]).
    /// Fails with an explanation (or returns <paramref name="fallback"/> when given) if a count-of-counts is zero or a
    /// discount falls outside [0, j].
    /// </summary>
    public static KneserNeyDiscounts Estimate(int order, long[] n, IReadOnlyList<float>? fallback, out string? warning)
    {
        warning = null;
        string? problem = null;
        for (int j = 1; j < 4 && problem is null; j++)
        {
            if (n[j] == 0)
                problem = $"Could not estimate modified Kneser-Ney discounts for {order}-grams: no {order}-gram has adjusted count {j} " +
                          $"(count-of-counts n1..n4 = {n[1]}, {n[2]}, {n[3]}, {n[4]}), so D{j} = {j} - {j + 1}·Y·n{j + 1}/n{j} is undefined. " +
                          "Is the corpus tiny or artificial? Use more text, a lower order, or NGramOptions.DiscountFallback (KenLM's --discount_fallback uses 0.5, 1, 1.5).";
        }
        var d = new float[4];
        if (problem is null)
        {
            // Single precision throughout, in KenLM's evaluation order, so the discounts match its bit for bit.
            float y = (float)n[1] / (float)(n[1] + 2.0 * n[2]);
            for (int j = 1; j < 4 && problem is null; j++)
            {
                d[j] = (float)j - (float)(j + 1) * y * (float)n[j + 1] / (float)n[j];
                if (d[j] < 0f || d[j] > j)
                    problem = $"The modified Kneser-Ney discount D{(j == 3 ? "3+" : j.ToString(System.Globalization.CultureInfo.InvariantCulture))} of {order}-grams is {d[j]}, outside [0, {j}] " +
                              $"(count-of-counts n1..n4 = {n[1]}, {n[2]}, {n[3]}, {n[4]}). Is the corpus tiny or artificial? " +
                              "Use more text, a lower order, or NGramOptions.DiscountFallback.";
            }
        }
        if (problem is null) return new KneserNeyDiscounts(d[1], d[2], d[3]);
        if (fallback is null) throw new InvalidOperationException(problem);
        warning = problem + $" Using the fallback D1={fallback[0]}, D2={fallback[1]}, D3+={fallback[2]}.";
        return new KneserNeyDiscounts(fallback[0], fallback[1], fallback[2]);
    }
}
