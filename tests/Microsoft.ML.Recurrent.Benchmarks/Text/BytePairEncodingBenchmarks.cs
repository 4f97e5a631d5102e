using BenchmarkDotNet.Attributes;
using Microsoft.ML.Recurrent.Text;

namespace Microsoft.ML.Recurrent.Benchmarks.Text;

/// <summary>
/// Byte-pair encoding, one core. Encoding: a 16,384-token vocabulary (trained on Tiny Shakespeare + WikiText-2
/// validation: Shakespeare alone is too small for 16k merges) encodes the 1.1 MB WikiText-2 validation text;
/// MB/s = UTF-8 bytes / mean time. The first pass (cold chunk cache, every distinct chunk merged from its bytes)
/// is measured beside the warm one. Training: 8,000 merges on Tiny Shakespeare.
/// </summary>
[MemoryDiagnoser]
public class BytePairEncodingBenchmarks
{
    private string _shakespeare = "";
    private string[] _lines = [];
    private BytePairEncoding _encoding = null!;
    private readonly List<int> _ids = new(1 << 16);

    [GlobalSetup]
    public void Setup()
    {
        _shakespeare = File.ReadAllText(TextBenchmarkData.Path("tinyshakespeare", "input.txt"));
        _lines = TextBenchmarkData.EnglishLines();
        var trainer = new BytePairEncodingTrainer(new BytePairEncodingTrainerOptions { VocabularySize = 16_384 });
        trainer.AddText(_shakespeare);
        trainer.AddText(string.Join('\n', _lines));
        _encoding = trainer.Train();
        Console.WriteLine($"// vocabulary {_encoding.VocabularySize}, text {TextBenchmarkData.Utf8Bytes(_lines)} UTF-8 bytes");
    }

    [Benchmark(Baseline = true)]
    public int EncodeWarmCache()
    {
        int count = 0;
        foreach (string line in _lines)
        {
            _ids.Clear();
            _encoding.Encode(line, _ids);
            count += _ids.Count;
        }
        return count;
    }

    [Benchmark]
    public int EncodeColdCache()
    {
        // A fresh copy has an empty chunk cache: every distinct chunk is merged from bytes once.
        var fresh = new BytePairEncoding(_encoding.Merges);
        int count = 0;
        foreach (string line in _lines)
        {
            _ids.Clear();
            fresh.Encode(line, _ids);
            count += _ids.Count;
        }
        return count;
    }

    [Benchmark]
    public int Train8000MergesOnTinyShakespeare()
    {
        var trainer = new BytePairEncodingTrainer(new BytePairEncodingTrainerOptions { VocabularySize = 256 + 8000 });
        trainer.AddText(_shakespeare);
        return trainer.Train().VocabularySize;
    }
}
