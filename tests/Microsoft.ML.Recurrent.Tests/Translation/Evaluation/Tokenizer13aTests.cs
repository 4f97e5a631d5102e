using Microsoft.ML.Recurrent.Translation.Evaluation;

namespace Microsoft.ML.Recurrent.Tests.Translation.Evaluation;

public sealed class Tokenizer13aTests
{
    // Expected tokens written by hand from the four mteval-v13a rules.
    [Theory]
    [InlineData("Hello, world.", new[] { "Hello", ",", "world", "." })]
    [InlineData("It costs 3.14 or 1,000 dollars", new[] { "It", "costs", "3.14", "or", "1,000", "dollars" })]
    [InlineData("a well-known man's (x)", new[] { "a", "well-known", "man's", "(", "x", ")" })]
    [InlineData("in 1998-03 e.g. here", new[] { "in", "1998", "-", "03", "e", ".", "g", ".", "here" })]
    [InlineData("Tom &amp; Jerry &quot;hi&quot;", new[] { "Tom", "&", "Jerry", "\"", "hi", "\"" })]
    [InlineData("a/b:c;d?", new[] { "a", "/", "b", ":", "c", ";", "d", "?" })]
    [InlineData("   ", new string[0])]
    public void Tokenize_SplitsAsMteval13a(string line, string[] expected) =>
        Assert.Equal(expected, Tokenizer13a.Tokenize(line));
}
