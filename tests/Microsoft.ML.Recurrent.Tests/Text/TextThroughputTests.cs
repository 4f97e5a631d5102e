using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Recurrent.Testing;
using Microsoft.ML.Recurrent.Text;
using Xunit.Abstractions;

namespace Microsoft.ML.Recurrent.Tests.Text;

/// <summary>
/// Throughput bars of issue 3 measured in process CPU time, which a busy shared machine disturbs far less than
/// wall time (the BenchmarkDotNet classes in tests/Microsoft.ML.Recurrent.Benchmarks/Text report wall time).
/// Each figure is the median of several passes after a warm-up pass; the work is single-threaded.
/// </summary>
[Trait("Category", "Slow")]
[Collection(TextThroughputCollection.Name)]
public sealed class TextThroughputTests(ITestOutputHelper output)
{
    private sealed class Line
    {
        public string Text { get; set; } = "";
    }

    private static readonly string[] s_lines = File.ReadAllLines(SharedData.Path("wikitext-2", "valid.txt"));
    private static readonly double s_megabytes = s_lines.Sum(l => System.Text.Encoding.UTF8.GetByteCount(l) + 1) / 1e6;

    // Each measured pass repeats the work `repeat` times so that it lasts long enough (about 100 ms of CPU or more)
    // for the kernel's CPU accounting; the median pass is reported, so a lucky or unlucky pass does not decide.
    private double MegabytesPerCpuSecond(string name, Action work, int repeat, int passes = 5)
    {
        work();
        var cpuSeconds = new List<double>();
        var wallSeconds = new List<double>();
        for (int i = 0; i < passes; i++)
        {
            TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            for (int r = 0; r < repeat; r++)
                work();
            wallSeconds.Add(wall.Elapsed.TotalSeconds / repeat);
            cpuSeconds.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds / repeat);
        }
        cpuSeconds.Sort();
        wallSeconds.Sort();
        double medianCpu = cpuSeconds[passes / 2], medianWall = wallSeconds[passes / 2];
        double rate = s_megabytes / Math.Max(medianCpu, 1e-9);
        output.WriteLine($"{name}: {rate:F1} MB/s of CPU time (median {medianCpu * 1000:F1} ms CPU per {s_megabytes:F2} MB; "
            + $"median wall {medianWall * 1000:F1} ms = {s_megabytes / medianWall:F1} MB/s; {passes} passes of {repeat} runs)");
        return rate;
    }

    [Fact]
    public void NormalizeTextThenTokenizeIntoWords_Reaches50MegabytesPerSecond()
    {
        var normalizer = new TextNormalizer();
        var tokenizer = new WordTokenizer();
        var spans = new List<TokenSpan>();
        char[] buffer = new char[1 << 16];
        double plain = MegabytesPerCpuSecond("plain classes", () =>
        {
            foreach (string line in s_lines)
            {
                int n = normalizer.Normalize(line, buffer);
                spans.Clear();
                tokenizer.Tokenize(buffer.AsSpan(0, n), spans);
            }
        }, repeat: 20);

        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(s_lines.Select(l => new Line { Text = l }).ToArray());
        IDataView tokens = ml.Transforms.Text.NormalizeText("Text").Append(ml.Transforms.Text.TokenizeIntoWords("Tokens", "Text")).Fit(data).Transform(data);
        double pipeline = MegabytesPerCpuSecond("pipeline (Transform + cursor)", () =>
        {
            DataViewSchema.Column column = tokens.Schema["Tokens"];
            using DataViewRowCursor cursor = tokens.GetRowCursor(column);
            ValueGetter<VBuffer<ReadOnlyMemory<char>>> getter = cursor.GetGetter<VBuffer<ReadOnlyMemory<char>>>(column);
            VBuffer<ReadOnlyMemory<char>> value = default;
            while (cursor.MoveNext())
                getter(ref value);
        }, repeat: 10);
        Assert.True(plain >= 50, $"plain NormalizeText + TokenizeIntoWords: {plain:F1} MB/s < 50");
        Assert.True(pipeline >= 50, $"pipeline NormalizeText + TokenizeIntoWords: {pipeline:F1} MB/s < 50");
    }

    [Fact]
    public void BytePairEncoding_With16kVocabulary_Encodes5MegabytesPerSecond()
    {
        var trainer = new BytePairEncodingTrainer(new BytePairEncodingTrainerOptions { VocabularySize = 16_384 });
        trainer.AddText(File.ReadAllText(SharedData.Path("tinyshakespeare", "input.txt")));
        trainer.AddText(string.Join('\n', s_lines));
        BytePairEncoding bpe = trainer.Train();
        Assert.Equal(16_384, bpe.VocabularySize);
        var ids = new List<int>();
        double warm = MegabytesPerCpuSecond("BPE encode, warm chunk cache", () =>
        {
            foreach (string line in s_lines)
            {
                ids.Clear();
                bpe.Encode(line, ids);
            }
        }, repeat: 5);
        double cold = MegabytesPerCpuSecond("BPE encode, cold chunk cache (fresh encoder each run)", () =>
        {
            var fresh = new BytePairEncoding(bpe.Merges);
            foreach (string line in s_lines)
            {
                ids.Clear();
                fresh.Encode(line, ids);
            }
        }, repeat: 1, passes: 3);
        Assert.True(warm >= 5, $"BPE encoding {warm:F1} MB/s < 5");
        output.WriteLine($"cold/warm ratio {warm / cold:F1}");
    }

    [Fact]
    public void BytePairTraining_8000MergesOnTinyShakespeare_TakesAtMost10Seconds()
    {
        string text = File.ReadAllText(SharedData.Path("tinyshakespeare", "input.txt"));
        var cpuSeconds = new List<double>();
        var wallSeconds = new List<double>();
        for (int i = 0; i < 3; i++)
        {
            var trainer = new BytePairEncodingTrainer(new BytePairEncodingTrainerOptions { VocabularySize = 256 + 8000 });
            TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            trainer.AddText(text);
            BytePairEncoding bpe = trainer.Train();
            wallSeconds.Add(wall.Elapsed.TotalSeconds);
            cpuSeconds.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
            Assert.Equal(256 + 8000, bpe.VocabularySize);
        }
        cpuSeconds.Sort();
        wallSeconds.Sort();
        output.WriteLine($"BPE training, 8000 merges on Tiny Shakespeare (counting included): median {cpuSeconds[1]:F2} s CPU, median wall {wallSeconds[1]:F2} s, worst wall {wallSeconds[2]:F2} s");
        Assert.True(cpuSeconds[1] <= 10, $"training took {cpuSeconds[1]:F2} s of CPU time");
    }
}

/// <summary>Runs the throughput tests alone: process CPU time would count tests running beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TextThroughputCollection
{
    public const string Name = "Text throughput (not parallel)";
}
