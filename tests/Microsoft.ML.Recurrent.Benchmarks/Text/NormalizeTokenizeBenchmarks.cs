using BenchmarkDotNet.Attributes;
using Microsoft.ML.Recurrent.Text;

namespace Microsoft.ML.Recurrent.Benchmarks.Text;

/// <summary>
/// NormalizeText (ML.NET defaults: lower case, no diacritics) + TokenizeIntoWords over the 1.1 MB WikiText-2
/// validation text, one core. Throughput = <see cref="TextBenchmarkData.Utf8Bytes"/> / mean time (printed in GlobalSetup).
/// Peers in the same run: the two steps apart, and the Unicode word tokenizer in place of the separator tokenizer.
/// </summary>
[MemoryDiagnoser]
public class NormalizeTokenizeBenchmarks
{
    private string[] _lines = [];
    private readonly TextNormalizer _normalizer = new();
    private readonly WordTokenizer _tokenizer = new();
    private readonly List<TokenSpan> _spans = new(256);
    private char[] _buffer = new char[1 << 16];

    [GlobalSetup]
    public void Setup()
    {
        _lines = TextBenchmarkData.EnglishLines();
        Console.WriteLine($"// text: {_lines.Length} lines, {TextBenchmarkData.Utf8Bytes(_lines)} UTF-8 bytes");
    }

    [Benchmark(Baseline = true)]
    public int NormalizeThenTokenizeIntoWords()
    {
        int tokens = 0;
        foreach (string line in _lines)
        {
            ReadOnlySpan<char> normalized = Normalize(line);
            _spans.Clear();
            _tokenizer.Tokenize(normalized, _spans);
            tokens += _spans.Count;
        }
        return tokens;
    }

    [Benchmark]
    public int NormalizeOnly()
    {
        int chars = 0;
        foreach (string line in _lines)
            chars += Normalize(line).Length;
        return chars;
    }

    [Benchmark]
    public int TokenizeIntoWordsOnly()
    {
        int tokens = 0;
        foreach (string line in _lines)
        {
            _spans.Clear();
            _tokenizer.Tokenize(line, _spans);
            tokens += _spans.Count;
        }
        return tokens;
    }

    [Benchmark]
    public int NormalizeThenUnicodeWordTokenizer()
    {
        int tokens = 0;
        foreach (string line in _lines)
        {
            ReadOnlySpan<char> normalized = Normalize(line);
            _spans.Clear();
            UnicodeWordTokenizer.Instance.Tokenize(normalized, _spans);
            tokens += _spans.Count;
        }
        return tokens;
    }

    private ReadOnlySpan<char> Normalize(string line)
    {
        if (_buffer.Length < line.Length)
            _buffer = new char[line.Length * 2];
        int n = _normalizer.Normalize(line, _buffer);
        return _buffer.AsSpan(0, n);
    }
}
