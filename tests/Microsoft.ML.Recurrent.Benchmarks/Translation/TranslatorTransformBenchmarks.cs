using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.ML.Recurrent.Benchmarks.Core;
using Microsoft.ML.Recurrent.Translation;
using Microsoft.ML.Recurrent.Translation.Dates;
using Microsoft.ML.Recurrent.Translation.Pipeline;

namespace Microsoft.ML.Recurrent.Benchmarks.Translation;

/// <summary>
/// Batch translation through a pipeline: 500 held-out date sentences read back with <c>CreateEnumerable</c> from
/// <c>translator.Transform(data)</c>, one row at a time when read (<c>MaxDegreeOfParallelism = 1</c>, the baseline:
/// what Transform did before it translated in blocks) and in blocks on every core (the default). The model is the
/// date task's (character level, embeddings 32, bidirectional GRU 64, Bahdanau), trained for a few seconds once
/// per process: outputs of varying length, as in real use.
/// </summary>
/// <remarks>Process CPU time per operation is printed at each case's cleanup: CPU time / wall time is the number of
/// cores kept busy, readable even when the shared machine's load disturbs the wall times.
/// Run: <c>dotnet run -c Release --project tests/Microsoft.ML.Recurrent.Benchmarks -- --filter '*TranslatorTransformBenchmarks*'</c>.</remarks>
[Config(typeof(Config))]
public class TranslatorTransformBenchmarks
{
    private const int Rows = 500;
    private static readonly Lazy<(Seq2SeqModel Model, List<SentencePair> Test)> Trained = new(Train);

    private MLContext _ml = null!;
    private Seq2SeqTranslatorTransformer _translator = null!;
    private IDataView _data = null!;
    private CpuTimeMeter _oneRowCpu = new(), _blocksCpu = new();

    /// <summary>Beam width (1 = greedy).</summary>
    [Params(1, 3)]
    public int Beam { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _ml = new MLContext(seed: 1);
        var (model, test) = Trained.Value;
        // Held-out dates may be a few characters longer than any training date: allowed, since this measures speed.
        _translator = new Seq2SeqTranslatorTransformer(model,
            new Seq2SeqTranslatorTransformer.Columns("Source", "Target", "Translation", "Score", null, null, null),
            new TranslationOptions { BeamWidth = Beam, MaxSourceTokens = 64 });
        _data = _ml.Data.LoadFromEnumerable(test.ConvertAll(p => new Pair { Source = p.Source, Target = p.Target }));
        _oneRowCpu = new CpuTimeMeter();
        _blocksCpu = new CpuTimeMeter();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _oneRowCpu.Report($"{nameof(OneRowAtATime)}(Beam={Beam})", Rows, "sentences");
        _blocksCpu.Report($"{nameof(BlocksOnAllCores)}(Beam={Beam})", Rows, "sentences");
    }

    [Benchmark(Baseline = true)]
    public int OneRowAtATime() => Translate(1, _oneRowCpu);

    [Benchmark]
    public int BlocksOnAllCores() => Translate(Environment.ProcessorCount, _blocksCpu);

    private int Translate(int threads, CpuTimeMeter cpu)
    {
        var start = cpu.Start();
        _translator.MaxDegreeOfParallelism = threads;
        int characters = 0;
        foreach (var row in _ml.Data.CreateEnumerable<Output>(_translator.Transform(_data), reuseRowObject: true))
        {
            characters += row.Translation.Length;
        }
        cpu.Stop(start);
        return characters;
    }

    private static (Seq2SeqModel, List<SentencePair>) Train()
    {
        var train = DateCorpus.Generate(3000, seed: 1);
        var test = DateCorpus.Generate(Rows, seed: 3, exclude: new HashSet<string>(train.ConvertAll(p => p.Source)));
        var model = new Seq2SeqTrainer(new Seq2SeqTrainerOptions { Epochs = 3, BatchSize = 64, LearningRate = 0.003f })
            .Fit(new Seq2SeqModelOptions { EmbeddingSize = 32, HiddenSize = 64 }, train);
        return (model, test);
    }

    public sealed class Pair
    {
        public string Source { get; set; } = "";

        public string Target { get; set; } = "";
    }

    public sealed class Output
    {
        public string Translation { get; set; } = "";
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            // In process (a separate build exceeds BenchmarkDotNet's timeout on the loaded machine); Min column: the
            // least-disturbed run is the informative one there.
            AddJob(Job.ShortRun.WithIterationCount(5).WithToolchain(InProcessEmitToolchain.Instance));
            AddColumn(StatisticColumn.Min);
        }
    }
}
