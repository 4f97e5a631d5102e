using Microsoft.ML.Recurrent.Text;

namespace Microsoft.ML.Recurrent.Tests.Text.Tokenization;

public sealed class WordTokenizerTests
{
    [Fact]
    public void Tokenize_SplitsOnSpaceOnly_ByDefault() =>
        Assert.Equal(["Hello,", "world!\tTab"], new WordTokenizer().Tokenize("Hello, world!\tTab"));

    [Fact]
    public void Tokenize_SkipsEmptyTokens() =>
        Assert.Equal(["a", "b"], new WordTokenizer().Tokenize("  a   b  "));

    [Fact]
    public void Tokenize_UsesCustomSeparators() =>
        Assert.Equal(["a", "b c", "d"], new WordTokenizer([',', ';']).Tokenize("a,b c;;d,"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("    ")]
    public void Tokenize_GivesNoTokens_ForNullEmptyOrSeparatorsOnly(string? text) =>
        Assert.Empty(new WordTokenizer().Tokenize(text));

    [Fact]
    public void Tokenize_MemoryOverload_SlicesWithoutCopy()
    {
        var text = "ab cd".AsMemory();
        var tokens = new List<ReadOnlyMemory<char>>();
        new WordTokenizer().Tokenize(text, tokens);
        Assert.Equal(2, tokens.Count);
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetString(tokens[1], out string? s, out int start, out int length));
        Assert.Equal(("ab cd", 3, 2), (s, start, length));
    }

    [Fact]
    public void Separators_DefaultToSpace_WhenEmpty() => Assert.Equal([' '], new WordTokenizer([]).Separators);
}
