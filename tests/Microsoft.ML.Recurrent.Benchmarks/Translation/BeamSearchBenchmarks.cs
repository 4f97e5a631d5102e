using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.ML.Recurrent.Tensors.Threading;
using Microsoft.ML.Recurrent.Translation;

namespace Microsoft.ML.Recurrent.Benchmarks.Translation;

/// <summary>
/// Translation of one 13-word sentence (Multi30k's mean source length) with the Multi30k recipe's sizes (embeddings
/// 256, bidirectional GRU 2×512, decoder 512, Bahdanau 512, vocabularies 7,853 de / 5,893 en), greedy (the baseline)
/// and beam 5, on one thread. Every search runs exactly 20 decoder steps (untrained weights rarely end a sentence,
/// so the length limit, 20 tokens, ends it), so sentences/s = 1 / mean time at 20 output tokens.
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project tests/Microsoft.ML.Recurrent.Benchmarks -- --filter '*BeamSearchBenchmarks*'</c>.</remarks>
[Config(typeof(Config))]
public class BeamSearchBenchmarks
{
    private Seq2SeqModel _model = null!;
    private const string Sentence = "zwei junge weiße männer sind im freien in der nähe vieler büsche .";

    [GlobalSetup]
    public void Setup()
    {
        WorkerPool.Shared.MaxDegreeOfParallelism = 1;
        var source = TokenVocabulary.Build([Words(7_853 - TokenVocabulary.Reserved, "de"), Sentence.Split(' ')]);
        var target = TokenVocabulary.Build([Words(5_893 - TokenVocabulary.Reserved, "en")]);
        _model = new Seq2SeqModel(Seq2SeqModelOptions.Multi30kGruBahdanau, source, target);
    }

    [Benchmark(Baseline = true)]
    public string Greedy() => _model.Translate(Sentence, Options(1)).Text;

    [Benchmark]
    public string Beam5() => _model.Translate(Sentence, Options(5)).Text;

    private static TranslationOptions Options(int beam) => new()
    {
        BeamWidth = beam, MaxLengthRatio = 1e-3f, MaxLengthOffset = 20, MaxSourceTokens = int.MaxValue,
    };

    private static string[] Words(int count, string prefix)
    {
        var words = new string[count];
        for (int i = 0; i < count; i++)
        {
            words[i] = prefix + i;
        }
        return words;
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
