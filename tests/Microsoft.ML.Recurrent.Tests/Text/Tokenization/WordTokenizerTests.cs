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

    [Theory]
    [InlineData(" ")]
    [InlineData(" \t")]
    [InlineData(",;é ")]
    [InlineData(" ,;:.!")]   // more than four separators: scalar path only
    public void Tokenize_MatchesStringSplit_OnRandomTextOfAllLengths(string separators)
    {
        var random = new Random(3);
        var tokenizer = new WordTokenizer(separators.ToCharArray());
        string alphabet = separators + separators + "abcXYZé€😀";
        for (int length = 0; length < 300; length++)
        {
            for (int round = 0; round < 3; round++)
            {
                var chars = new char[length];
                for (int k = 0; k < length; k++)
                    chars[k] = alphabet[random.Next(alphabet.Length)];
                string text = new(chars);
                string[] expected = text.Split(separators.ToCharArray(), StringSplitOptions.RemoveEmptyEntries);
                Assert.Equal(expected, tokenizer.Tokenize(text));
                var slices = new List<ReadOnlyMemory<char>>();
                tokenizer.Tokenize(text.AsMemory(), slices);
                Assert.Equal(expected, slices.Select(m => m.ToString()));
            }
        }
    }
}
