using BenchmarkDotNet.Attributes;
using Microsoft.ML.Recurrent.NGram;
using Microsoft.ML.Recurrent.Testing;

namespace Microsoft.ML.Recurrent.Benchmarks.NGram;

/// <summary>
/// Query speed of the PTB 5-gram (modified Kneser-Ney, KenLM-exact): scoring, exact top-10 suggestions and generation.
/// Per-token and per-call times (OperationsPerInvoke). There is no in-process peer (KenLM's query runs as a separate
/// program: 0.02 s for the 82,430 test tokens on a binary model, i.e. ~4 M tokens/s including process start).
/// Run: <c>dotnet run -c Release --project tests/Microsoft.ML.Recurrent.Benchmarks -- --filter '*NGramQuery*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class NGramQueryBenchmarks
{
    private const int Contexts = 1000;
    private const int SampledTokens = 20_000;
    private const int TopKTokens = 2_000;

    private NGramLanguageModel _model = null!;
    private int[][] _testSentences = null!;
    private int _testTokens;
    private NGramState[] _contexts = null!;
    private readonly int[] _ids = new int[10];
    private readonly float[] _probs = new float[10];
    private int[] _generated = null!;

    [GlobalSetup]
    public void Setup()
    {
        _model = NGramLanguageModel.Train(SharedData.Path("ptb", "ptb.train.txt"), new NGramOptions { Order = 5, UnknownWord = "<ptb-oov>" });
        var lines = File.ReadAllLines(SharedData.Path("ptb", "ptb.test.txt"));
        _testSentences = lines.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(_model.Vocabulary.GetId).ToArray()).ToArray();
        _testTokens = _testSentences.Sum(s => s.Length + 1);
        // Contexts: prefixes of test sentences, as a user types them.
        _contexts = new NGramState[Contexts];
        var random = new Random(1);
        for (int i = 0; i < Contexts; i++)
        {
            var s = _testSentences[random.Next(_testSentences.Length)];
            var state = _model.BeginSentence();
            int length = s.Length == 0 ? 0 : random.Next(s.Length);
            for (int j = 0; j < length; j++) _model.Score(state, s[j], out state);
            _contexts[i] = state;
        }
        _generated = new int[SampledTokens];
        _model.PredictNextWords(_contexts[0], _ids, _probs); // builds the successor lists outside the measurement
        // Top-p's ranked-mass index (T = 1 and T = 0.8) is built lazily after ~37k slow-path tokens; build it here so
        // every iteration measures the steady state of a long-running model (the first tokens cost ~23 µs each).
        _model.RankedMass(1.0);
    }

    /// <summary>Scores the whole PTB test set (82,430 tokens); time per token.</summary>
    [Benchmark(OperationsPerInvoke = 82430)]
    public double ScoreTestSet()
    {
        double sum = 0;
        foreach (var sentence in _testSentences)
        {
            var state = _model.BeginSentence();
            foreach (int w in sentence) sum += _model.Score(state, w, out state);
            sum += _model.Score(state, NGramVocabulary.EndOfSentenceId, out _);
        }
        return sum;
    }

    /// <summary>The same through <see cref="NGramLanguageModel.ScoreSentence(ReadOnlySpan{int}, Span{float})"/> (next tokens' n-grams prefetched); time per token.</summary>
    [Benchmark(OperationsPerInvoke = 82430)]
    public double ScoreTestSetBySentence()
    {
        double sum = 0;
        foreach (var sentence in _testSentences) sum += _model.ScoreSentence(sentence, default);
        return sum;
    }

    /// <summary>Exact top-10 next words; time per call.</summary>
    [Benchmark(OperationsPerInvoke = Contexts)]
    public int NextWordsTop10()
    {
        int total = 0;
        for (int i = 0; i < Contexts; i++) total += _model.PredictNextWords(_contexts[i], _ids, _probs);
        return total;
    }

    /// <summary>Sampling from the full distribution (temperature 1); time per generated token.</summary>
    [Benchmark(OperationsPerInvoke = SampledTokens)]
    public int GenerateSampled() =>
        _model.Generate(_model.BeginSentence(), _generated, new NGramGenerationOptions { MaxTokens = SampledTokens, Seed = 1, StopAtEndOfSentence = false });

    /// <summary>Sampling with temperature 0.8 over the whole vocabulary; time per generated token.</summary>
    [Benchmark(OperationsPerInvoke = TopKTokens)]
    public int GenerateTemperature() => GenerateWith(new NGramGenerationOptions { Temperature = 0.8f });

    /// <summary>Sampling among the exact top 40 (temperature 1); time per generated token.</summary>
    [Benchmark(OperationsPerInvoke = TopKTokens)]
    public int GenerateTopK() => GenerateWith(new NGramGenerationOptions { TopK = 40 });

    /// <summary>Nucleus sampling, top-p 0.9 (temperature 1); time per generated token.</summary>
    [Benchmark(OperationsPerInvoke = TopKTokens)]
    public int GenerateTopP() => GenerateWith(new NGramGenerationOptions { TopP = 0.9f });

    /// <summary>Sampling from the nucleus 0.9 at temperature 0.8 (no top-k); time per generated token.</summary>
    [Benchmark(OperationsPerInvoke = TopKTokens)]
    public int GenerateTopPTemperature() => GenerateWith(new NGramGenerationOptions { TopP = 0.9f, Temperature = 0.8f });

    /// <summary>Sampling among the exact top 40 with temperature 0.8 and top-p 0.95; time per generated token.</summary>
    [Benchmark(OperationsPerInvoke = TopKTokens)]
    public int GenerateTopK40() => GenerateWith(new NGramGenerationOptions { TopK = 40, Temperature = 0.8f, TopP = 0.95f });

    private int GenerateWith(NGramGenerationOptions settings) =>
        _model.Generate(_model.BeginSentence(), _generated.AsSpan(0, TopKTokens),
            new NGramGenerationOptions
            {
                MaxTokens = TopKTokens, Seed = 1, TopK = settings.TopK, Temperature = settings.Temperature, TopP = settings.TopP,
                StopAtEndOfSentence = false,
            });
}
