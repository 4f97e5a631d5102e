using Microsoft.ML.Recurrent.Text;
using Microsoft.ML.Transforms.Text;

namespace Microsoft.ML.Recurrent.Tests.Text.Normalization;

public sealed class TextNormalizerTests
{
    private static readonly TextNormalizer s_default = new();

    [Theory]
    [InlineData("Café au lait", "cafe au lait")]
    [InlineData("Ñandú DVOŘÁK", "nandu dvorak")]
    [InlineData("Tiếng Việt", "tieng viet")]
    [InlineData("Zażółć gęślą jaźń", "zazołc gesla jazn")]   // ł has no decomposition: it is a letter, not l + mark
    [InlineData("Ελληνικά Άλφα", "ελληνικα αλφα")]
    [InlineData("Ёлка и йогурт", "елка и иогурт")]
    [InlineData("Straße", "straße")]
    public void Normalize_RemovesDiacriticsAndLowers_ForLatinGreekCyrillic(string input, string expected) =>
        Assert.Equal(expected, s_default.Normalize(input));

    [Theory]
    [InlineData("漢字とかなカナ")]       // CJK and kana: no case, no removable marks
    [InlineData("がぎぐげご パピプ")]     // voicing marks are part of kana letters and stay
    [InlineData("한국어")]               // Hangul syllables decompose to jamo, not marks: untouched
    [InlineData("नमस्ते")]               // Devanagari virama and vowel signs stay
    [InlineData("ภาษาไทย")]              // Thai vowel signs stay
    [InlineData("a ≠ b")]                // symbols never fold, even with a decomposition holding a mark
    [InlineData("😀👍🏽")]
    public void Normalize_PassesThroughScriptsWithoutRemovableMarks(string input) =>
        Assert.Same(input, s_default.Normalize(input));

    [Fact]
    public void Normalize_RemovesHebrewAndArabicVowelPoints() =>
        Assert.Equal("שלום محمد", s_default.Normalize("שָׁלוֹם مُحَمَّد"));

    [Fact]
    public void Normalize_DropsStandaloneMarkAfterLetter_ButKeepsItAfterSymbol()
    {
        Assert.Equal("cafe", s_default.Normalize("cafe\u0301"));
        Assert.Equal("=\u0338", s_default.Normalize("=\u0338"));
    }

    [Fact]
    public void Normalize_KeepsDiacritics_WhenAsked() =>
        Assert.Equal("café ñandú", new TextNormalizer(keepDiacritics: true).Normalize("Café Ñandú"));

    [Theory]
    [InlineData(TextNormalizingEstimator.CaseMode.Upper, "ÉCOLE straße ΣΑΣ", "ECOLE STRAßE ΣΑΣ")]
    [InlineData(TextNormalizingEstimator.CaseMode.None, "École ΣΑΣ", "Ecole ΣΑΣ")]
    [InlineData(TextNormalizingEstimator.CaseMode.Lower, "ΣΑΣ 𐐀", "σασ 𐐨")]   // Deseret: a cased supplementary letter
    public void Normalize_AppliesCaseMode(TextNormalizingEstimator.CaseMode mode, string input, string expected) =>
        Assert.Equal(expected, new TextNormalizer(mode).Normalize(input));

    [Fact]
    public void Normalize_RemovesPunctuationAndDigits_WhenAsked()
    {
        var n = new TextNormalizer(TextNormalizingEstimator.CaseMode.None, keepPunctuations: false, keepNumbers: false);
        Assert.Equal("Hello world  and ", n.Normalize("Hello, world! 42 and «٣»"));
        Assert.Equal("$ + 😀", n.Normalize("$ + 😀"));   // symbols are not punctuation
    }

    [Fact]
    public void Normalize_ReturnsSameInstanceAndAllocatesNothing_WhenNothingChanges()
    {
        string text = "already lower case text, with punctuation and 123 numbers; 漢字 too";
        Assert.Same(text, s_default.Normalize(text));
        char[]? buffer = null;
        ReadOnlyMemory<char> memory = text.AsMemory();
        s_default.Normalize(memory, ref buffer);   // warm up
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
            Assert.True(memory.Equals(s_default.Normalize(memory, ref buffer)));
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void Normalize_ReusesBuffer_WhenTextChanges()
    {
        char[]? buffer = null;
        ReadOnlyMemory<char> first = s_default.Normalize("ABC".AsMemory(), ref buffer);
        char[]? kept = buffer;
        Assert.Equal("abc", first.ToString());
        Assert.Equal("de", s_default.Normalize("DE".AsMemory(), ref buffer).ToString());
        Assert.Same(kept, buffer);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Normalize_ReturnsInput_ForEmptyOrWhitespace(string input) => Assert.Same(input, s_default.Normalize(input));

    [Fact]
    public void Normalize_ReturnsNull_ForNull() => Assert.Null(s_default.Normalize(null));

    [Fact]
    public void Normalize_CopiesLoneSurrogatesUnchanged()
    {
        Assert.Equal("a\uD800b", s_default.Normalize("A\uD800B"));
        Assert.Equal("\uDC00x", s_default.Normalize("\uDC00X"));
    }

    [Fact]
    public void Normalize_HandlesTenMegabyteRow()
    {
        string row = string.Concat(Enumerable.Repeat("Crème Brûlée, NAÏVE café! ", 400_000));
        string result = s_default.Normalize(row)!;
        Assert.Equal(string.Concat(Enumerable.Repeat("creme brulee, naive cafe! ", 400_000)), result);
    }

    [Fact]
    public void Normalize_SpanOverload_RejectsShortDestination() =>
        Assert.Throws<ArgumentException>(() => s_default.Normalize("abc".AsSpan(), new char[2]));

    [Fact]
    public void Constructor_RejectsUndefinedCaseMode() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TextNormalizer((TextNormalizingEstimator.CaseMode)7));
}
