using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Microsoft.ML.Recurrent.Benchmarks.Core;

/// <summary>
/// BenchmarkDotNet's short job, run in process: the default out-of-process toolchain rebuilds the project and
/// exceeded its 120 s build timeout on the shared 2-core development machine.
/// </summary>
public sealed class ShortInProcessConfig : ManualConfig
{
    public ShortInProcessConfig()
    {
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
    }
}
