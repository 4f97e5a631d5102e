using Microsoft.ML.Recurrent.Text.Lemmatization;

namespace Microsoft.ML.Recurrent.Tests.Text.Lemmatization;

public sealed class LemmaLexiconTests
{
    private static LemmaLexicon Parse(string text) => LemmaLexicon.Parse(new StringReader(text), "test.tsv");

    [Fact]
    public void Parse_ReadsEntries_SkippingCommentsAndBlankLines()
    {
        var lexicon = Parse("# English irregular forms\n\nwent\tgo\r\n  # indented comment\nmice\tmouse\n   \nwent\tgo\n");
        Assert.Equal(2, lexicon.Count);
        Assert.True(lexicon.TryGetLemma("went", out string? lemma));
        Assert.Equal("go", lemma);
        Assert.True(lexicon.TryGetLemma("mice".AsSpan(), out lemma));
        Assert.Equal("mouse", lemma);
        Assert.False(lexicon.TryGetLemma("Went", out _));
        Assert.Equal(["mice", "went"], lexicon.Entries.Select(e => e.Key));
    }

    [Theory]
    [InlineData("went go", 1, "0 TABs")]
    [InlineData("ok\tfine\nwent\tgo\tgone", 2, "2 TABs")]
    [InlineData("\tgo", 1, "form is empty")]
    [InlineData("went\t  ", 1, "lemma is empty")]
    [InlineData("went\tgo\nwent\twend", 2, "line 1 maps it to 'go'")]
    public void Parse_RejectsMalformedLine_NamingSourceAndLine(string text, int line, string detail)
    {
        var ex = Assert.Throws<FormatException>(() => Parse(text));
        Assert.Contains($"test.tsv line {line}:", ex.Message);
        Assert.Contains(detail, ex.Message);
    }

    [Fact]
    public void Load_ThrowsFileNotFound_NamingThePath()
    {
        string path = Path.Combine(Path.GetTempPath(), "no-such-lexicon-" + Guid.NewGuid().ToString("N") + ".tsv");
        var ex = Assert.Throws<FileNotFoundException>(() => LemmaLexicon.Load(path));
        Assert.Contains(path, ex.Message);
    }

    [Fact]
    public void Load_ReadsUtf8FileWithBom()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "# lexique\nchevaux\tcheval\nyeux\tœil\n", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            var lexicon = LemmaLexicon.Load(path);
            Assert.True(lexicon.TryGetLemma("yeux", out string? lemma));
            Assert.Equal("œil", lemma);
            Assert.Equal(2, lexicon.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void FromPairs_RejectsConflictingAndBlankEntries()
    {
        Assert.Throws<ArgumentException>(() => LemmaLexicon.FromPairs([new("a", "b"), new("a", "c")]));
        Assert.Throws<ArgumentException>(() => LemmaLexicon.FromPairs([new("a", " ")]));
        Assert.Throws<ArgumentException>(() => LemmaLexicon.FromPairs([new("a\tb", "c")]));
    }
}
