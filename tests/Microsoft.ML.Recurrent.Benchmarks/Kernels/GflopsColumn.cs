using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Microsoft.ML.Recurrent.Benchmarks.Kernels;

/// <summary>Adds GFLOP/s and the percentage of this machine's peak (DESIGN.md §6) for benchmarks with a <see cref="GemmShape"/> parameter.</summary>
public sealed class GflopsColumn(bool percentOfPeak) : IColumn
{
    /// <summary>Zen 4 at the measured ~3.57 GHz boost: 32 FP32 FLOP per cycle per core (2 × 256-bit FMA units).</summary>
    public const double PeakGflopsPerCore = 114;

    public string Id => percentOfPeak ? "PctPeak" : "GFLOPs";

    public string ColumnName => percentOfPeak ? "% of peak" : "GFLOP/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => percentOfPeak ? 1 : 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => percentOfPeak
        ? $"Share of the peak of the threads used ({PeakGflopsPerCore} GFLOP/s per core)"
        : "Billions of floating-point operations per second (2·m·n·k per multiply)";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is null || benchmarkCase.Parameters["Shape"] is not GemmShape shape)
        {
            return "-";
        }

        double gflops = shape.Flops / report.ResultStatistics.Mean; // flops per ns = GFLOP/s
        if (!percentOfPeak)
        {
            return gflops.ToString("F1");
        }

        int threads = benchmarkCase.Parameters["Threads"] is int t ? t : 1;
        return (100 * gflops / (PeakGflopsPerCore * threads)).ToString("F0") + "%";
    }
}
