using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Microsoft.ML.Recurrent.Benchmarks.Core;

/// <summary>
/// <c>LoadFromTextFile</c> over a generated 100 MB TSV (a text column and two float columns), reading every
/// column of every row. Bar: ≥ 100 MB/s (file size / mean time). Peer: reading the lines with
/// <c>StreamReader.ReadLine</c> and doing nothing else. The file is created in a temp folder at setup and deleted after.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ShortInProcessConfig))]
public class TextLoaderBenchmarks
{
    public sealed class Row
    {
        [LoadColumn(0)]
        public string Text { get; set; } = "";

        [LoadColumn(1)]
        public float X { get; set; }

        [LoadColumn(2)]
        public float Y { get; set; }
    }

    private const long TargetBytes = 100L << 20;
    private static readonly string[] Words = ["the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "language", "model", "recurrent", "network"];
    private string _dir = "";
    private string _path = "";
    private IDataView _data = null!;
    private readonly CpuTimeMeter _cpu = new();

    public long FileBytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("textloader-bench-").FullName;
        _path = Path.Combine(_dir, "data.tsv");
        var random = new Random(1);
        using (var writer = new StreamWriter(_path, false, new UTF8Encoding(false), 1 << 20))
        {
            var line = new StringBuilder();
            long written = 0;
            while (written < TargetBytes)
            {
                line.Clear();
                int words = 3 + random.Next(8);
                for (int w = 0; w < words; w++)
                    line.Append(w == 0 ? "" : " ").Append(Words[random.Next(Words.Length)]);
                line.Append('\t').Append((random.NextSingle() * 100 - 50).ToString("R", CultureInfo.InvariantCulture));
                line.Append('\t').Append(random.NextSingle().ToString("R", CultureInfo.InvariantCulture)).Append('\n');
                writer.Write(line);
                written += line.Length;
            }
        }
        FileBytes = new FileInfo(_path).Length;
        Console.WriteLine($"// Generated {_path}: {FileBytes / (1024.0 * 1024.0):F1} MiB");
        _data = new MLContext(seed: 1).Data.LoadFromTextFile<Row>(_path);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _cpu.Report(nameof(LoadFromTextFileAllColumns), FileBytes / 1e6, "MB");
        Directory.Delete(_dir, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public long StreamReaderLines()
    {
        long chars = 0;
        using var reader = new StreamReader(_path, Encoding.UTF8, false, 1 << 20);
        while (reader.ReadLine() is { } line)
            chars += line.Length;
        return chars;
    }

    [Benchmark]
    public double LoadFromTextFileAllColumns()
    {
        TimeSpan start = _cpu.Start();
        double sum = ReadAll();
        _cpu.Stop(start);
        return sum;
    }

    private double ReadAll()
    {
        using DataViewRowCursor cursor = _data.GetRowCursorForAllColumns();
        var text = cursor.GetGetter<ReadOnlyMemory<char>>(_data.Schema["Text"]);
        var x = cursor.GetGetter<float>(_data.Schema["X"]);
        var y = cursor.GetGetter<float>(_data.Schema["Y"]);
        ReadOnlyMemory<char> t = default;
        float a = 0, b = 0;
        double sum = 0;
        while (cursor.MoveNext())
        {
            text(ref t);
            x(ref a);
            y(ref b);
            sum += t.Length + a + b;
        }
        return sum;
    }
}
