using BenchmarkDotNet.Attributes;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Microsoft.ML.Recurrent.Benchmarks.Text;

/// <summary>
/// NormalizeText + TokenizeIntoWords through the pipeline (LoadFromEnumerable → Transform → cursor over the token
/// column) on the 1.1 MB WikiText-2 validation text, one core: the plain-class figure of
/// <see cref="NormalizeTokenizeBenchmarks"/> plus the getter and row overhead a user of mlContext sees.
/// </summary>
[MemoryDiagnoser]
public class TextPipelineBenchmarks
{
    private sealed class Line
    {
        public string Text { get; set; } = "";
    }

    private IDataView _output = null!;
    private IDataView _normalizedOnly = null!;

    [GlobalSetup]
    public void Setup()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(TextBenchmarkData.EnglishLines().Select(l => new Line { Text = l }).ToArray());
        ITransformer model = ml.Transforms.Text.NormalizeText("Text")
            .Append(ml.Transforms.Text.TokenizeIntoWords("Tokens", "Text"))
            .Fit(data);
        _output = model.Transform(data);
        _normalizedOnly = ml.Transforms.Text.NormalizeText("Text").Fit(data).Transform(data);
    }

    [Benchmark(Baseline = true)]
    public long NormalizeTextThenTokenizeIntoWords()
    {
        DataViewSchema.Column column = _output.Schema["Tokens"];
        using DataViewRowCursor cursor = _output.GetRowCursor(column);
        ValueGetter<VBuffer<ReadOnlyMemory<char>>> getter = cursor.GetGetter<VBuffer<ReadOnlyMemory<char>>>(column);
        VBuffer<ReadOnlyMemory<char>> tokens = default;
        long count = 0;
        while (cursor.MoveNext())
        {
            getter(ref tokens);
            count += tokens.Length;
        }
        return count;
    }

    [Benchmark]
    public long NormalizeTextOnly()
    {
        DataViewSchema.Column column = _normalizedOnly.Schema["Text"];
        using DataViewRowCursor cursor = _normalizedOnly.GetRowCursor(column);
        ValueGetter<ReadOnlyMemory<char>> getter = cursor.GetGetter<ReadOnlyMemory<char>>(column);
        ReadOnlyMemory<char> text = default;
        long count = 0;
        while (cursor.MoveNext())
        {
            getter(ref text);
            count += text.Length;
        }
        return count;
    }
}
