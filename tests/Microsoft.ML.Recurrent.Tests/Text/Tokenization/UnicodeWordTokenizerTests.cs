using Microsoft.ML.Recurrent.Text;

namespace Microsoft.ML.Recurrent.Tests.Text.Tokenization;

public sealed class UnicodeWordTokenizerTests
{
    private static string[] T(string text) => UnicodeWordTokenizer.Instance.Tokenize(text);

    [Fact]
    public void Tokenize_SplitsPunctuationFromWords() =>
        Assert.Equal(["Hello", ",", "world", "!", "(", "yes", ")"], T("Hello, world! (yes)"));

    [Fact]
    public void Tokenize_KeepsNumbersWithDecimalAndThousandsSeparators() =>
        Assert.Equal(["pi", "is", "3.14", ",", "not", "1,000", "or", "1.000.000", "."], T("pi is 3.14, not 1,000 or 1.000.000."));

    [Fact]
    public void Tokenize_KeepsContractionsAndElisionsWhole() =>
        Assert.Equal(["don't", "O'Brien", "l'homme", "it’s", "'", "quoted", "'"], T("don't O'Brien l'homme it’s 'quoted'"));

    [Fact]
    public void Tokenize_SplitsHyphensAndKeepsRepeatedPunctuation() =>
        Assert.Equal(["well", "-", "known", "...", "!!"], T("well-known... !!"));

    [Fact]
    public void Tokenize_KeepsUrlsWithoutTrailingPunctuation() =>
        Assert.Equal(["see", "https://example.com/a_(b)?q=1&r=2", ".", "Or", "(", "www.example.org/x", ")", "!"],
            T("see https://example.com/a_(b)?q=1&r=2. Or (www.example.org/x)!"));

    [Fact]
    public void Tokenize_KeepsEmailAddresses() =>
        Assert.Equal(["mail", "first.last+tag@mail.example.co.uk", "."], T("mail first.last+tag@mail.example.co.uk."));

    [Fact]
    public void Tokenize_RejectsEmailWithoutTopLevelDomain() =>
        Assert.Equal(["a", "@", "b"], T("a@b"));

    [Fact]
    public void Tokenize_KeepsEmojiSequencesWhole()
    {
        string family = "👨\u200D👩\u200D👧";
        string thumbs = "👍🏽";
        string flag = "🇫🇷";
        string keycap = "1\uFE0F\u20E3";
        Assert.Equal(["hi", family, thumbs, flag, keycap, "😀", "😀"], T($"hi{family}{thumbs} {flag}{keycap} 😀😀"));
    }

    [Fact]
    public void Tokenize_NeverSplitsCombiningMarks() =>
        Assert.Equal(["cafe\u0301", "!\u0301", "n\u0303o"], T("cafe\u0301 !\u0301 n\u0303o"));

    [Fact]
    public void Tokenize_SplitsHanIntoCharactersAndKeepsKanaRuns() =>
        Assert.Equal(["東", "京", "に", "行", "きます", "。"], T("東京に行きます。"));

    [Fact]
    public void Tokenize_KeepsSupplementaryLettersWhole() =>
        Assert.Equal(["𐐀𐐁", "𠀀"], T("𐐀𐐁 𠀀"));

    [Fact]
    public void Tokenize_GivesLoneSurrogateItsOwnToken() =>
        Assert.Equal(["ab", "\uD800", "cd", "\uDC00"], T("ab\uD800cd \uDC00"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t\r\n\u00A0\u2003\uFEFF")]
    public void Tokenize_GivesNoTokens_ForNullEmptyOrWhitespace(string? text) => Assert.Empty(T(text!));

    [Fact]
    public void Tokenize_CoversEveryNonSeparatorChar_OnRandomText()
    {
        // Property: tokens are disjoint, in order, and every char outside them is a separator.
        var random = new Random(7);
        string alphabet = "ab Z9.,'-_@:/\u0301\u200D😀🏽🇫東かé\t\uD800\uDC00!";
        for (int round = 0; round < 500; round++)
        {
            var chars = new char[random.Next(0, 40)];
            for (int k = 0; k < chars.Length; k++)
                chars[k] = alphabet[random.Next(alphabet.Length)];
            string text = new(chars);
            var spans = new List<TokenSpan>();
            UnicodeWordTokenizer.Instance.Tokenize(text, spans);
            int position = 0;
            foreach (TokenSpan span in spans)
            {
                Assert.True(span.Length > 0 && span.Start >= position, $"'{text}': bad span {span}");
                foreach (char gap in text.AsSpan(position, span.Start - position))
                    Assert.True(char.IsWhiteSpace(gap) || char.IsControl(gap) || gap == '\u200D', $"'{text}': dropped U+{(int)gap:X4}");
                Assert.False(span.Start > 0 && char.IsLowSurrogate(text[span.Start]) && char.IsHighSurrogate(text[span.Start - 1]), $"'{text}': split a pair");
                position = span.End;
            }
            foreach (char gap in text.AsSpan(position))
                Assert.True(char.IsWhiteSpace(gap) || char.IsControl(gap) || gap == '\u200D', $"'{text}': dropped U+{(int)gap:X4}");
        }
    }

    [Fact]
    public void Tokenize_HandlesTenMegabyteRow()
    {
        string row = string.Concat(Enumerable.Repeat("The quick brown fox, 3.14 times. ", 320_000));
        var spans = new List<TokenSpan>();
        UnicodeWordTokenizer.Instance.Tokenize(row, spans);
        Assert.Equal(8 * 320_000, spans.Count);
    }
}
