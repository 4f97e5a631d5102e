using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.ML.Recurrent.LanguageModels;
using Microsoft.ML.Recurrent.Tensors.Threading;

namespace Microsoft.ML.Recurrent.Benchmarks.LanguageModels;

/// <summary>
/// Inference on one thread with the PTB 2×200 word model shape (V 10,000): greedy generation of 100 tokens (bar:
/// ≥ 2,000 tokens/s, i.e. ≤ 50 ms) and the top-10 next words after one more word (bar: ≤ 1 ms). Speed does not depend
/// on the trained values, so the model is freshly initialized.
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project tests/Microsoft.ML.Recurrent.Benchmarks -- --filter '*GenerationBenchmarks*'</c> (no --job option: the config's in-process short job is the one measured).</remarks>
[Config(typeof(Config))]
public class GenerationBenchmarks
{
    private RecurrentLanguageModel _model = null!;
    private GenerationContext _context = null!;
    private GenerationOptions _greedy = null!;

    [GlobalSetup]
    public void Setup()
    {
        WorkerPool.Shared.MaxDegreeOfParallelism = 1;
        var vocabulary = new LanguageModelVocabulary(Enumerable.Range(0, 9998).Select(i => "w" + i), TokenLevel.Word);
        _model = RecurrentLanguageModel.Create(vocabulary, RecurrentLanguageModelOptions.PtbSmall);
        _context = _model.CreateContext();
        _context.Append("w1 w2 w3 w4");
        _greedy = new GenerationOptions { MaxTokens = 100, Temperature = 0f };
    }

    [GlobalCleanup]
    public void Cleanup() => WorkerPool.Shared.MaxDegreeOfParallelism = Environment.ProcessorCount;

    [Benchmark]
    public int Greedy100Tokens()
    {
        int n = 0;
        foreach (string _ in _model.Generate(_context.Clone(), _greedy))
        {
            n++;
        }
        return n;
    }

    [Benchmark]
    public float NextWordThenTop10()
    {
        _context.Append(17);
        return _context.NextTokens(10)[0].Probability;
    }

    /// <summary>A short run in this process: an out-of-process job would rebuild the benchmark project (minutes on
    /// the shared 2-core machine) for a measurement that takes seconds.</summary>
    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
        }
    }
}
