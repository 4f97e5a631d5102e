using System.Diagnostics;

namespace Microsoft.ML.Recurrent.Benchmarks.Core;

/// <summary>
/// Process CPU time spent in a benchmark's operations, printed at cleanup. On the shared development machine
/// (load averages far above its 2 cores) wall-clock means mostly measure waiting for a core; CPU time measures
/// the work itself (it includes the GC's threads, which are part of the cost).
/// </summary>
public sealed class CpuTimeMeter
{
    private TimeSpan _total;
    private long _operations;

    public TimeSpan Start() => Process.GetCurrentProcess().TotalProcessorTime;

    public void Stop(TimeSpan start)
    {
        _total += Process.GetCurrentProcess().TotalProcessorTime - start;
        _operations++;
    }

    /// <summary>Prints the mean CPU time per operation and <paramref name="unit"/>s per CPU second.</summary>
    public void Report(string name, double unitsPerOperation, string unit)
    {
        if (_operations == 0)
            return;
        double seconds = _total.TotalSeconds / _operations;
        Console.WriteLine($"// CPU time {name}: {seconds * 1000:F1} ms per operation over {_operations} operations -> {unitsPerOperation / seconds:N1} {unit} per CPU second");
    }
}
