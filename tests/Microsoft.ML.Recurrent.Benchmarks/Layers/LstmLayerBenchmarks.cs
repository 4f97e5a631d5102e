using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.ML.Recurrent.Tensors;
using Microsoft.ML.Recurrent.Tensors.Autograd;
using Microsoft.ML.Recurrent.Tensors.Layers;
using Microsoft.ML.Recurrent.Tensors.Threading;

namespace Microsoft.ML.Recurrent.Benchmarks.Layers;

/// <summary>
/// One LSTM layer, forward + backward over T = 35 (issue 5 bar: ≥ 1.3× PyTorch 1.13's nn.LSTM on one thread and on
/// two cores). The PyTorch twin is tests/benchmarks/lstm_torch.py; tests/benchmarks/side_by_side.py runs both and
/// prints the ratios.
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project tests/Microsoft.ML.Recurrent.Benchmarks -- --filter '*LstmLayerBenchmarks*'</c>.</remarks>
[Config(typeof(Config))]
public class LstmLayerBenchmarks
{
    private const int T = 35;
    private Lstm _lstm = null!;
    private Tensor _x = null!;

    /// <summary>(B, I=H): the PTB "small"-batch shape and the "medium" model's.</summary>
    [Params("B32-H256", "B20-H650")]
    public string Case { get; set; } = "B32-H256";

    [Params(1, 2)]
    public int Threads { get; set; }

    public int Batch => Case == "B32-H256" ? 32 : 20;

    public int Hidden => Case == "B32-H256" ? 256 : 650;

    /// <summary>Six (T·B × 4H × H) matrix products: input projection, recurrence, dh, dX, dW_ih, dW_hh.</summary>
    public double Flops => 6.0 * 2 * T * Batch * 4 * Hidden * Hidden;

    [GlobalSetup]
    public void Setup()
    {
        WorkerPool.Shared.MaxDegreeOfParallelism = Threads;
        _lstm = new Lstm(Hidden, Hidden, seed: 1);
        _x = Tensor.Zeros(T, Batch, Hidden);
        var random = new Random(2);
        var s = _x.Span;
        for (int i = 0; i < s.Length; i++)
        {
            s[i] = random.NextSingle() - 0.5f;
        }
        _x.RequiresGrad = true;
    }

    [GlobalCleanup]
    public void Cleanup() => WorkerPool.Shared.MaxDegreeOfParallelism = Environment.ProcessorCount;

    [Benchmark]
    public float ForwardBackward()
    {
        using var tape = Tape.Begin();
        var output = _lstm.Forward(_x).Output;                 // (T, B, H)
        var loss = Functional.Sum(output);
        loss.Backward();
        return loss.Item();
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            // 15 iterations and the Min column: on the shared machine the least-disturbed run is the informative one.
            // In process: on the loaded machine BenchmarkDotNet's separate build exceeded its 2-minute timeout.
            AddJob(Job.ShortRun.WithIterationCount(15).WithToolchain(InProcessEmitToolchain.Instance));
            AddColumn(StatisticColumn.Min);
            AddColumn(new LayerFlopsColumn(percentOfPeak: false), new LayerFlopsColumn(percentOfPeak: true));
        }
    }
}
