using Microsoft.ML.Recurrent.NGram;
using Microsoft.ML.Recurrent.Tests.NGram.Estimation;

namespace Microsoft.ML.Recurrent.Tests.NGram;

public sealed class ArpaFormatTests
{
    private const string KenLmStyle =
        "\n\\data\\\nngram 1=5\nngram 2=4\n\n\\1-grams:\n-1.0\t<unk>\t0\n0\t<s>\t-0.30103\n-0.69897\t</s>\n-0.39794\ta\t-0.2\n-0.69897\tb\t-0.1\n\n" +
        "\\2-grams:\n-0.30103\t<s> a\n-0.5\ta b\n-0.2\tb </s>\n-0.4\ta </s>\n\n\\end\\\n";

    // SRILM: -99 for <s>, spaces, back-offs of 0 written out, no <unk> (closed vocabulary).
    private const string SrilmStyle =
        "\\data\\\nngram 1=4\nngram 2=4\n\n\\1-grams:\n-99 <s> -0.30103\n-0.69897 </s> 0\n-0.39794 a -0.2\n-0.69897 b -0.1\n\n" +
        "\\2-grams:\n-0.30103 <s> a\n-0.5 a b\n-0.2 b </s>\n-0.4 a </s>\n\\end\\\n";

    private static NGramLanguageModel Parse(string text) => ArpaFormat.Read(new StringReader(text), "test.arpa");

    [Fact]
    public void KenLmStyle_LoadsAndScoresByBackoff()
    {
        var model = Parse(KenLmStyle);
        Assert.Equal(2, model.Order);
        // p(a|<s>) p(b|a) p(</s>|b)
        Assert.Equal(-0.30103 - 0.5 - 0.2, model.ScoreSentence("a b").Log10Probability, 1e-5);
        // bo(<s>) p(b), bo(b) p(a), p(</s>|a)
        Assert.Equal(-0.30103 - 0.69897 - 0.1 - 0.39794 - 0.4, model.ScoreSentence("b a").Log10Probability, 1e-5);
        // OOV: bo(<s>) + p(<unk>), then </s> from the empty context
        var oov = model.ScoreSentence("c");
        Assert.Equal(-0.30103 - 1.0 - 0.69897, oov.Log10Probability, 1e-5);
        Assert.Equal(1, oov.OovCount);
        Assert.Equal(-0.69897, oov.Log10ProbabilityExcludingOov, 1e-5);
    }

    [Fact]
    public void SrilmStyle_Loads_AndScoresLikeKenLmStyle()
    {
        var srilm = Parse(SrilmStyle);
        var kenlm = Parse(KenLmStyle);
        foreach (string s in new[] { "a b", "b a", "a", "b b a" })
            Assert.Equal(kenlm.ScoreSentence(s).Log10Probability, srilm.ScoreSentence(s).Log10Probability, 1e-6);
        // No <unk> in the file: KenLM's convention, log10 p = -100.
        Assert.Equal(-100f, srilm.Score(srilm.EmptyContext, NGramVocabulary.UnknownId, out _));
    }

    [Theory]
    [InlineData("\\data\\\nngram 1=2\n\n\\1-grams:\n-1\t<s>\n-x\t</s>\n\\end\\\n", "line 6")]
    [InlineData("\\data\\\nngram 1=3\n\n\\1-grams:\n-1\t<s>\n-1\t</s>\n\\end\\\n", "line 7")]
    [InlineData("\\data\\\nngram 1=2\nngram 2=1\n\\1-grams:\n-1\t<s>\n-1\t</s>\n\\2-grams:\n-1\t<s> z\n\\end\\\n", "line 8")]
    [InlineData("\\data\\\nngram 1=3\nngram 3=1\n", "line 3")]
    [InlineData("no header here\n", "line 1")]
    [InlineData("\\data\\\nngram 1=2\n\n\\1-grams:\n-1\t<s>\n-1\t</s>\n", "line 6")]
    public void Malformed_FailsNamingTheLine(string text, string where)
    {
        var e = Assert.Throws<InvalidDataException>(() => Parse(text));
        Assert.Contains("test.arpa, " + where, e.Message);
    }

    [Fact]
    public void MissingContext_FailsNamingLineAndContext()
    {
        string text = "\\data\\\nngram 1=4\nngram 2=1\nngram 3=1\n\\1-grams:\n-1\t<s>\t0\n-1\t</s>\n-1\ta\t0\n-1\tb\t0\n\\2-grams:\n-1\ta b\t0\n\\3-grams:\n-1\tb a b\n\\end\\\n";
        var e = Assert.Throws<InvalidDataException>(() => Parse(text));
        Assert.Contains("line 13", e.Message);
        Assert.Contains("'b a'", e.Message);
    }

    [Fact]
    public void WriteThenRead_GivesIdenticalScores()
    {
        var corpus = KneserNeyOracleTests.RandomCorpus(600, 200, 7);
        var model = NGramLanguageModel.Train(corpus, new NGramOptions { Order = 4 });
        var text = new StringWriter();
        ArpaFormat.Write(model, text);
        var read = Parse(text.ToString());
        var probe = KneserNeyOracleTests.RandomCorpus(200, 215, 5);
        var a = model.Evaluate(probe);
        var b = read.Evaluate(probe);
        Assert.Equal(a.Log10Probability, b.Log10Probability); // bit-identical: floats are written round-trippable
        Assert.Equal(a.Tokens, b.Tokens);
        Assert.Equal(a.OovCount, b.OovCount);
        for (int n = 1; n <= 4; n++) Assert.Equal(model.NGramCount(n), read.NGramCount(n));
    }

    [Fact]
    public void Write_FollowsKenLmLayout()
    {
        var model = NGramLanguageModel.Train(["a b", "b a b"], new NGramOptions { Order = 2, DiscountFallback = [0.5f, 1f, 1.5f] });
        var text = new StringWriter();
        ArpaFormat.Write(model, text);
        var lines = text.ToString().Split('\n');
        Assert.Contains("ngram 1=5", lines);
        Assert.Contains("ngram 2=5", lines);
        Assert.Contains(lines, l => l.StartsWith("0\t<s>\t", StringComparison.Ordinal));       // <s>: probability 1, a back-off
        Assert.Contains(lines, l => l.EndsWith("\t</s>", StringComparison.Ordinal));          // </s>: no back-off column
        Assert.Contains(lines, l => l.EndsWith("\t<unk>", StringComparison.Ordinal));
        Assert.Equal("\\end\\", lines[^2]);
    }

    [Fact]
    public void AddK_CannotBeWritten()
    {
        var model = NGramLanguageModel.Train(["a b"], new NGramOptions { Order = 2, Smoothing = NGramSmoothing.AddK });
        Assert.Throws<NotSupportedException>(() => ArpaFormat.Write(model, new StringWriter()));
    }
}
