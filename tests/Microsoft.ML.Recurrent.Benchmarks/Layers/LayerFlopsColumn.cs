using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Microsoft.ML.Recurrent.Benchmarks.Layers;

/// <summary>GFLOP/s of the matrix-product work of a layer benchmark (its <c>Flops</c> property) and the share of
/// this machine's peak for the threads used (114 GFLOP/s per core, DESIGN.md §6).</summary>
public sealed class LayerFlopsColumn(bool percentOfPeak) : IColumn
{
    private const double PeakGflopsPerCore = 114;

    public string Id => percentOfPeak ? "LayerPctPeak" : "LayerGFLOPs";

    public string ColumnName => percentOfPeak ? "% of peak" : "GFLOP/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => percentOfPeak ? 1 : 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => percentOfPeak ? "Share of the peak of the threads used" : "Matrix-product GFLOP/s of the step";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is null)
        {
            return "-";
        }
        // Rebuild the benchmark object with its parameters to read Flops (cheap: no setup is run).
        var instance = Activator.CreateInstance(benchmarkCase.Descriptor.Type)!;
        foreach (var p in benchmarkCase.Parameters.Items)
        {
            benchmarkCase.Descriptor.Type.GetProperty(p.Name)?.SetValue(instance, p.Value);
        }
        double flops = (double)benchmarkCase.Descriptor.Type.GetProperty("Flops")!.GetValue(instance)!;
        double gflops = flops / report.ResultStatistics.Mean;
        if (!percentOfPeak)
        {
            return gflops.ToString("F1");
        }
        int threads = benchmarkCase.Parameters["Threads"] is int t ? t : 1;
        return (100 * gflops / (PeakGflopsPerCore * threads)).ToString("F0") + "%";
    }
}
