using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Microsoft.ML.Recurrent.Benchmarks.Kernels;

/// <summary>
/// Median time over the baseline's median time in the same group: unlike BenchmarkDotNet's mean-based Ratio, one
/// iteration slowed by a neighbour on the shared machine does not move it.
/// </summary>
public sealed class MedianRatioColumn : IColumn
{
    public string Id => "MedianRatio";

    public string ColumnName => "Median ratio";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => -1;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Median time / the baseline's median time (below 1 is faster than the baseline)";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var baseline = summary.GetBaseline(summary.GetLogicalGroupKey(benchmarkCase));
        double? median = summary[benchmarkCase]?.ResultStatistics?.Median;
        double? baselineMedian = baseline is null ? null : summary[baseline]?.ResultStatistics?.Median;
        return median is double m && baselineMedian is double b && b > 0 ? (m / b).ToString("F2") : "-";
    }
}
