using Microsoft.ML.Recurrent.NGram;
using Microsoft.ML.Recurrent.Testing;
using Xunit.Abstractions;

namespace Microsoft.ML.Recurrent.Tests.NGram;

/// <summary>
/// Parity with KenLM on the Penn Treebank: lmplz + query figures from ../shared/reference/kenlm-conventions.md, measured
/// with KenLM on a copy of the files where <c>&lt;unk&gt;</c> was renamed to an ordinary word. Here the model's unknown
/// word gets another spelling, which makes the corpus <c>&lt;unk&gt;</c> an ordinary word with the same id.
/// </summary>
public sealed class NGramPtbTests
{
    private readonly ITestOutputHelper _output;

    public NGramPtbTests(ITestOutputHelper output) => _output = output;

    internal static NGramOptions PtbOptions(int order) => new() { Order = order, UnknownWord = "<ptb-oov>" };

    [Theory]
    [InlineData(2, 185.7049)]
    [InlineData(3, 148.2815)]
    [InlineData(4, 142.7156)]
    [InlineData(5, 141.1862)]
    public void TestPerplexity_MatchesKenLm_WithinOneThousandth(int order, double kenLm)
    {
        var model = NGramLanguageModel.Train(SharedData.Path("ptb", "ptb.train.txt"), PtbOptions(order));
        var test = model.Evaluate(SharedData.Path("ptb", "ptb.test.txt"));
        _output.WriteLine($"order {order}: ppl {test.Perplexity:F4} (KenLM {kenLm}), sum {test.Log10Probability:F6}, tokens {test.Tokens}, oov {test.OovCount}");
        Assert.Equal(82430, test.Tokens);
        Assert.Equal(0, test.OovCount);
        Assert.InRange(test.Perplexity / kenLm, 0.999, 1.001);
    }

    [Fact]
    public void FiveGram_CountsDiscountsAndLogSum_MatchLmplz()
    {
        var model = NGramLanguageModel.Train(SharedData.Path("ptb", "ptb.train.txt"), PtbOptions(5));
        var summary = model.TrainingSummary!;
        Assert.Equal(887521, summary.WordCount);
        Assert.Equal([10002L, 264990, 586558, 717733, 737952], summary.NGramCounts);
        float[,] expected =
        {
            { 0.25656f, 0.82888f, 1.26492f },
            { 0.727802f, 1.09876f, 1.4713f },
            { 0.868879f, 1.25462f, 1.44822f },
            { 0.942828f, 1.38314f, 1.43173f },
            { 0.959671f, 1.3879f, 1.24171f },
        };
        for (int n = 0; n < 5; n++)
        {
            var d = summary.Discounts[n];
            _output.WriteLine($"order {n + 1}: D1={d.D1} D2={d.D2} D3+={d.D3Plus}");
            // lmplz prints six significant digits.
            Assert.Equal(expected[n, 0], d.D1, 5e-6f * expected[n, 0] + 1e-6f);
            Assert.Equal(expected[n, 1], d.D2, 5e-6f * expected[n, 1] + 1e-6f);
            Assert.Equal(expected[n, 2], d.D3Plus, 5e-6f * expected[n, 2] + 1e-6f);
        }
        var test = model.Evaluate(SharedData.Path("ptb", "ptb.test.txt"));
        _output.WriteLine($"sum {test.Log10Probability:F6}");
        Assert.Equal(-177207.376598, test.Log10Probability, 0.001);
        Assert.Equal([15594L, 33646, 19655, 7405, 6130], MatchedLengths(model, SharedData.Path("ptb", "ptb.test.txt")));
        Assert.Equal(-5.3312373f, model.Score(model.EmptyContext, NGramVocabulary.UnknownId, out _), 1e-6f);
    }

    [Fact]
    public void TrigramDiscountsAndLogSum_MatchLmplz()
    {
        var model = NGramLanguageModel.Train(SharedData.Path("ptb", "ptb.train.txt"), PtbOptions(3));
        var d = model.TrainingSummary!.Discounts[2];
        Assert.Equal(0.84696f, d.D1, 1e-5f);
        Assert.Equal(1.22512f, d.D2, 1e-5f);
        Assert.Equal(1.38578f, d.D3Plus, 1e-5f);
        var valid = model.Evaluate(SharedData.Path("ptb", "ptb.valid.txt"));
        Assert.InRange(valid.Perplexity / 157.7653, 0.999, 1.001);
        var test = model.Evaluate(SharedData.Path("ptb", "ptb.test.txt"));
        _output.WriteLine($"sum {test.Log10Probability:F6} valid ppl {valid.Perplexity:F4}");
        Assert.Equal(-178962.698129, test.Log10Probability, 0.001);
    }

    // How many test tokens matched an n-gram of each length (KenLM's query reports this histogram).
    private static long[] MatchedLengths(NGramLanguageModel model, string path)
    {
        var histogram = new long[model.Order];
        foreach (string line in File.ReadLines(path))
        {
            var state = model.BeginSentence();
            foreach (string word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                model.Tables.Score(state, model.Vocabulary.GetId(word), out state, out int matched);
                histogram[matched - 1]++;
            }
            model.Tables.Score(state, NGramVocabulary.EndOfSentenceId, out _, out int end);
            histogram[end - 1]++;
        }
        return histogram;
    }
}
