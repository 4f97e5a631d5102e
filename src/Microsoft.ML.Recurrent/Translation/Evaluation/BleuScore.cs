namespace Microsoft.ML.Recurrent.Translation.Evaluation;

/// <summary>A corpus BLEU score with the statistics it was computed from (sacreBLEU's <c>BLEUScore</c>).</summary>
/// <param name="Score">BLEU in [0, 100].</param>
/// <param name="Precisions">Modified n-gram precisions for n = 1..4, in percent (smoothed as sacreBLEU's "exp").</param>
/// <param name="BrevityPenalty">exp(1 - r/c) when the hypotheses are shorter than the references, else 1.</param>
/// <param name="HypothesisLength">Total hypothesis tokens c.</param>
/// <param name="ReferenceLength">Total reference tokens r.</param>
/// <param name="Correct">Clipped n-gram matches for n = 1..4.</param>
/// <param name="Total">Hypothesis n-grams for n = 1..4.</param>
public sealed record BleuScore(double Score, double[] Precisions, double BrevityPenalty, long HypothesisLength,
    long ReferenceLength, long[] Correct, long[] Total)
{
    /// <summary>sacreBLEU's one-line form, e.g. <c>BLEU = 28.30 60.1/34.2/21.5/13.9 (BP = 1.000 ratio = 1.012 hyp_len = 13092 ref_len = 12939)</c>.</summary>
    public override string ToString() =>
        FormattableString.Invariant(
            $"BLEU = {Score:F2} {Precisions[0]:F1}/{Precisions[1]:F1}/{Precisions[2]:F1}/{Precisions[3]:F1} (BP = {BrevityPenalty:F3} ratio = {(ReferenceLength == 0 ? 0 : (double)HypothesisLength / ReferenceLength):F3} hyp_len = {HypothesisLength} ref_len = {ReferenceLength})");
}
