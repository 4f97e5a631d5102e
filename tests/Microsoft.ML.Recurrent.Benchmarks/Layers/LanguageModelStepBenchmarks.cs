using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.ML.Recurrent.Tensors;
using Microsoft.ML.Recurrent.Tensors.Autograd;
using Microsoft.ML.Recurrent.Tensors.Layers;
using Microsoft.ML.Recurrent.Tensors.Optimizers;
using Microsoft.ML.Recurrent.Tensors.Threading;

namespace Microsoft.ML.Recurrent.Benchmarks.Layers;

/// <summary>
/// A full training step of a 2-layer LSTM language model with a 10k vocabulary, PTB "small" sizes (Zaremba et al.
/// 2014: embedding and hidden 200, T = 35, B = 20): embedding → LSTM → linear → cross-entropy → clip 0.25 → SGD.
/// Issue 5 bar: ≥ 1.5× PyTorch on two cores. Twin: tests/benchmarks/lstm_torch.py (lm_step).
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project tests/Microsoft.ML.Recurrent.Benchmarks -- --filter '*LanguageModelStepBenchmarks*'</c>.</remarks>
[Config(typeof(Config))]
public class LanguageModelStepBenchmarks
{
    private const int Vocabulary = 10_000, Size = 200, T = 35, B = 20;
    private Embedding _encoder = null!;
    private Lstm _rnn = null!;
    private Linear _decoder = null!;
    private IReadOnlyList<Tensor> _parameters = null!;
    private Sgd _optimizer = null!;
    private int[] _ids = null!, _targets = null!;

    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>Matrix-product work of a step: LSTM (2 layers × 6 products) and decoder (3 products).</summary>
    public double Flops => 2.0 * 6 * 2 * T * B * 4 * Size * Size + 3 * 2.0 * T * B * Size * Vocabulary;

    [GlobalSetup]
    public void Setup()
    {
        WorkerPool.Shared.MaxDegreeOfParallelism = Threads;
        _encoder = new Embedding(Vocabulary, Size, seed: 1);
        _rnn = new Lstm(Size, Size, numLayers: 2, seed: 2);
        _decoder = new Linear(Size, Vocabulary, seed: 3);
        var all = new List<Tensor>();
        all.AddRange(_encoder.Parameters());
        all.AddRange(_rnn.Parameters());
        all.AddRange(_decoder.Parameters());
        _parameters = all;
        _optimizer = new Sgd(_parameters, 1f);
        var random = new Random(4);
        _ids = new int[T * B];
        _targets = new int[T * B];
        for (int i = 0; i < _ids.Length; i++)
        {
            _ids[i] = random.Next(Vocabulary);
            _targets[i] = random.Next(Vocabulary);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => WorkerPool.Shared.MaxDegreeOfParallelism = Environment.ProcessorCount;

    [Benchmark]
    public float TrainingStep()
    {
        _optimizer.ZeroGrad();
        using var tape = Tape.Begin();
        var embedded = _encoder.Forward(_ids, new Shape(T, B));            // (T, B, 200)
        var output = _rnn.Forward(embedded).Output;                         // (T, B, 200)
        var logits = _decoder.Forward(output.Reshape(T * B, Size));         // (T·B, 10000)
        var loss = Functional.CrossEntropy(logits, _targets);
        loss.Backward();
        GradientClipping.ClipByGlobalNorm(_parameters, 0.25f);
        _optimizer.Step();
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
