using Microsoft.ML.Recurrent.Text;

namespace Microsoft.ML.Recurrent.Tests.Text.Tokenization;

public sealed class CharacterTokenizerTests
{
    [Fact]
    public void Tokenize_WritesCodeUnitPlusOne_BetweenMarkers()
    {
        var keys = new ushort[5];
        int n = CharacterTokenizer.Tokenize("ab€", useMarkerCharacters: true, keys);
        Assert.Equal(5, n);
        Assert.Equal(new ushort[] { 3, 'a' + 1, 'b' + 1, 0x20AC + 1, 4 }, keys);
    }

    [Fact]
    public void Tokenize_WithoutMarkers_WritesCharactersOnly()
    {
        var keys = new ushort[2];
        Assert.Equal(2, CharacterTokenizer.Tokenize("hi", useMarkerCharacters: false, keys));
        Assert.Equal(new ushort[] { 'h' + 1, 'i' + 1 }, keys);
    }

    [Fact]
    public void Tokenize_GivesNothing_ForEmptyText() =>
        Assert.Equal(0, CharacterTokenizer.Tokenize("", useMarkerCharacters: true, []));

    [Fact]
    public void Keys_RoundTripSurrogatePairs()
    {
        string text = "x😀";
        var keys = new ushort[CharacterTokenizer.KeyCountFor(text.Length, false)];
        CharacterTokenizer.Tokenize(text, false, keys);
        Assert.Equal(text, new string(keys.Select(CharacterTokenizer.ToChar).ToArray()));
    }

    [Fact]
    public void ToKey_MapsNoncharacterFFFF_ToMissing() => Assert.Equal(0, CharacterTokenizer.ToKey('\uFFFF'));

    [Fact]
    public void ToChar_RejectsMissingKey() => Assert.Throws<ArgumentOutOfRangeException>(() => CharacterTokenizer.ToChar(0));

    [Fact]
    public void Tokenize_RejectsShortDestination() =>
        Assert.Throws<ArgumentException>(() => CharacterTokenizer.Tokenize("abc", true, new ushort[4]));
}
