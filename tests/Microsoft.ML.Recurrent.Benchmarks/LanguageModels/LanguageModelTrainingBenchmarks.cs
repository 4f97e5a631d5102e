using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Microsoft.ML.Recurrent.LanguageModels;
using Microsoft.ML.Recurrent.Tensors.Threading;

namespace Microsoft.ML.Recurrent.Benchmarks.LanguageModels;

/// <summary>
/// One truncated-BPTT training step of <see cref="LanguageModelTrainer"/> at PTB "small" sizes (Zaremba et al. 2014:
/// V 10,000, 2×200 LSTM, T = 20, B = 20): fused step (embedding, fused LSTM layers, fused decoder/softmax/CE head),
/// sparse embedding gradient, global-norm clipping and SGD. Reported as time per step; tokens/s = 400 / time.
/// Peer: tests/benchmarks/ptb_lstm_torch.py (PyTorch 1.13, same recipe), run back to back as docs/language-models.md says.
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project tests/Microsoft.ML.Recurrent.Benchmarks -- --filter '*LanguageModelTrainingBenchmarks*'</c>.</remarks>
[Config(typeof(Config))]
public class LanguageModelTrainingBenchmarks
{
    private const int T = 20, B = 20;
    private RecurrentLanguageModel _model = null!;
    private TruncatedBpttStep _step = null!;
    private SparseEmbeddingGradient _sparse = null!;
    private LanguageModelOptimizer _optimizer = null!;
    private int[] _stream = null!;
    private readonly List<Microsoft.ML.Recurrent.Tensors.Tensor> _layers = new();

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        WorkerPool.Shared.MaxDegreeOfParallelism = Threads;
        var vocabulary = new LanguageModelVocabulary(Enumerable.Range(0, 9998).Select(i => "w" + i), TokenLevel.Word);
        _model = RecurrentLanguageModel.Create(vocabulary, RecurrentLanguageModelOptions.PtbSmall);
        var head = new SoftmaxCrossEntropyHead(vocabulary.Count, 200, T * B);
        _step = new TruncatedBpttStep(_model, T, B, head);
        _sparse = new SparseEmbeddingGradient(vocabulary.Count, 200, T * B);
        var dense = _model.NamedParameters().Where(p => p.Key != "encoder.weight").ToList();
        _layers.AddRange(dense.Where(p => p.Key.StartsWith("rnn.", StringComparison.Ordinal)).Select(p => p.Value));
        _optimizer = LanguageModelOptimizer.Create(LanguageModelOptimizerKind.Sgd, dense);
        var random = new Random(4);
        _stream = Enumerable.Range(0, T * B + B).Select(_ => random.Next(vocabulary.Count)).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup() => WorkerPool.Shared.MaxDegreeOfParallelism = Environment.ProcessorCount;

    [Benchmark]
    public double TrainingStep()
    {
        foreach (var p in _layers)
        {
            p.Grad!.Span.Clear();
        }
        double nats = _step.Run(_stream.AsSpan(0, T * B), _stream.AsSpan(B, T * B), null);
        _sparse.Set(_stream.AsSpan(0, T * B), _step.EmbeddedGradient);
        double squares = _sparse.SumOfSquares();
        foreach (var p in _optimizer.Dense)
        {
            squares += System.Numerics.Tensors.TensorPrimitives.SumOfSquares(p.Value.Grad!.Span);
        }
        float coefficient = (float)Math.Min(1.0, 5.0 / (Math.Sqrt(squares) + 1e-6));
        _optimizer.Step(1e-3f, coefficient, _sparse, _model.EncoderWeight);
        return nats;
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.ShortRun);
        }
    }
}
