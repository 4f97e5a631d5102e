using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.ML.Recurrent.Benchmarks.Kernels;

namespace Microsoft.ML.Recurrent.Benchmarks.Layers;

/// <summary>
/// The one-thread layer benchmarks timed by the benchmark thread's CPU time (<see cref="ThreadCpuClock"/>), in
/// process: on the shared 2-core machine wall time mostly measured the scheduler (load averages of 15-40). Compare
/// with the "cpu ... ms/step" figure of tests/benchmarks/lstm_torch.py (process CPU time of the PyTorch twin).
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project tests/Microsoft.ML.Recurrent.Benchmarks -- --filter '*LayerCpuTimeBenchmarks*'</c>.</remarks>
[Config(typeof(Config))]
public class LayerCpuTimeBenchmarks
{
    private LstmLayerBenchmarks? _layer;
    private LanguageModelStepBenchmarks? _step;

    [Params("B32-H256", "B20-H650", "LM-step")]
    public string Case { get; set; } = "B32-H256";

    [GlobalSetup]
    public void Setup()
    {
        if (Case == "LM-step")
        {
            _step = new LanguageModelStepBenchmarks { Threads = 1 };
            _step.Setup();
        }
        else
        {
            _layer = new LstmLayerBenchmarks { Case = Case, Threads = 1 };
            _layer.Setup();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _layer?.Cleanup();
        _step?.Cleanup();
    }

    [Benchmark]
    public float Step() => _step is not null ? _step.TrainingStep() : _layer!.ForwardBackward();

    private sealed class Config : ManualConfig
    {
        public Config() => AddJob(Job.ShortRun.WithClock(ThreadCpuClock.Instance).WithToolchain(InProcessEmitToolchain.Instance));
    }
}
