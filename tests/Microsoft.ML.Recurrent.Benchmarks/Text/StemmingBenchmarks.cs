using BenchmarkDotNet.Attributes;
using Microsoft.ML.Recurrent.Text.Stemming;

namespace Microsoft.ML.Recurrent.Benchmarks.Text;

/// <summary>
/// Stemming throughput on one core, per word (<c>OperationsPerInvoke</c> = <see cref="Words"/>), so words/s = 1 / Mean.
/// Corpora: the first 40,000 lines of Snowball's English test vocabulary (distinct words, many long and rare) and the
/// first 40,000 tokens of PTB train (running text: short, frequent words). Peer: the original Porter algorithm.
/// Run: <c>dotnet run -c Release --project tests/Microsoft.ML.Recurrent.Benchmarks -- --filter '*StemmingBenchmarks*' --job short --inProcess</c>
/// (in process: the out-of-process build can exceed BenchmarkDotNet's 120 s timeout on a loaded machine).
/// </summary>
[MemoryDiagnoser]
public class StemmingBenchmarks
{
    /// <summary>Words stemmed per invocation.</summary>
    public const int Words = 40_000;

    private string[] _words = [];
    private char[] _destination = new char[512];
    private Stemmer _english = null!;
    private Stemmer _porter = null!;
    private Stemmer _german = null!;

    /// <summary>Which word list to stem.</summary>
    [Params("snowball-english", "ptb-train")]
    public string Corpus { get; set; } = "snowball-english";

    [GlobalSetup]
    public void Setup()
    {
        string data = FindSharedData();
        _words = Corpus == "ptb-train"
            ? File.ReadLines(Path.Combine(data, "ptb", "ptb.train.txt"))
                .SelectMany(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Take(Words)
                .ToArray()
            : File.ReadLines(Path.Combine(data, "snowball", "english", "voc.txt")).Take(Words).ToArray();
        if (_words.Length != Words)
            throw new InvalidOperationException($"{Corpus}: expected {Words} words, found {_words.Length}.");
        _english = Stemmer.Create(StemmerLanguage.English);
        _porter = Stemmer.Create(StemmerLanguage.Porter);
        _german = Stemmer.Create(StemmerLanguage.German);
    }

    /// <summary>English (Porter2), allocation-free span overload.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Words)]
    public int EnglishSpan() => StemAll(_english);

    /// <summary>English (Porter2), <c>Stem(string)</c>: allocates the result string when the stem differs.</summary>
    [Benchmark(OperationsPerInvoke = Words)]
    public int EnglishString()
    {
        int total = 0;
        foreach (string word in _words)
            total += _english.Stem(word).Length;
        return total;
    }

    /// <summary>The original Porter algorithm, span overload (the peer).</summary>
    [Benchmark(OperationsPerInvoke = Words)]
    public int PorterSpan() => StemAll(_porter);

    /// <summary>German on English words: the cost of a second algorithm's prelude/postlude passes.</summary>
    [Benchmark(OperationsPerInvoke = Words)]
    public int GermanSpan() => StemAll(_german);

    private int StemAll(Stemmer stemmer)
    {
        int total = 0;
        foreach (string word in _words)
        {
            stemmer.TryStem(word, _destination, out int length);
            total += length;
        }
        return total;
    }

    // ../shared/data beside the repository: walk up from the benchmark binaries to the folder holding the solution.
    private static string FindSharedData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Microsoft.ML.Recurrent.sln")))
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
        }
        throw new DirectoryNotFoundException($"Microsoft.ML.Recurrent.sln not found above '{AppContext.BaseDirectory}'.");
    }
}
