using Microsoft.ML.Recurrent.Text.Stemming;

namespace Microsoft.ML.Recurrent.Tests.Text.Stemming;

public sealed class StemmerLanguagesTests
{
    [Theory]
    [InlineData("english", StemmerLanguage.English)]
    [InlineData("English", StemmerLanguage.English)]
    [InlineData(" PORTER2 ", StemmerLanguage.English)]
    [InlineData("porter", StemmerLanguage.Porter)]
    [InlineData("russian", StemmerLanguage.Russian)]
    [InlineData("norwegian", StemmerLanguage.Norwegian)]
    [InlineData("finnish", StemmerLanguage.Finnish)]
    public void Parse_AcceptsNamesCaseInsensitively(string name, StemmerLanguage expected) =>
        Assert.Equal(expected, StemmerLanguages.Parse(name));

    [Theory]
    [InlineData("klingon")]
    [InlineData("3")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Parse_Throws_ListingValidNames_ForUnknownName(string? name)
    {
        var ex = Assert.Throws<ArgumentException>(() => StemmerLanguages.Parse(name));
        Assert.Contains($"'{name}'", ex.Message);
        foreach (var language in StemmerLanguages.All)
            Assert.Contains(language.ToString().ToLowerInvariant(), ex.Message);
        Assert.False(StemmerLanguages.TryParse(name, out _));
    }
}
