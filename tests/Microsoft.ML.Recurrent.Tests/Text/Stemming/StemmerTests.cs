using Microsoft.ML.Recurrent.Text.Stemming;

namespace Microsoft.ML.Recurrent.Tests.Text.Stemming;

/// <summary>The public <see cref="Stemmer"/> contract: creation, the span overload, and defined behaviour on bad input.</summary>
public sealed class StemmerTests
{
    public static TheoryData<StemmerLanguage> AllLanguages()
    {
        var data = new TheoryData<StemmerLanguage>();
        foreach (var language in Enum.GetValues<StemmerLanguage>())
            data.Add(language);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public void Create_ReturnsSharedStemmerForLanguage(StemmerLanguage language)
    {
        var stemmer = Stemmer.Create(language);
        Assert.Equal(language, stemmer.Language);
        Assert.Same(stemmer, Stemmer.Create(language));
    }

    [Fact]
    public void Create_Throws_ForUndefinedLanguage()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Stemmer.Create((StemmerLanguage)99));
        Assert.Contains("english", ex.Message);
        Assert.Contains("finnish", ex.Message);
    }

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public void Stem_ThrowsArgumentNull_ForNull(StemmerLanguage language) =>
        Assert.Throws<ArgumentNullException>(() => Stemmer.Create(language).Stem(null!));

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public void Stem_ReturnsEmpty_ForEmpty(StemmerLanguage language)
    {
        var stemmer = Stemmer.Create(language);
        Assert.Equal("", stemmer.Stem(""));
        Assert.True(stemmer.TryStem("", Span<char>.Empty, out int written));
        Assert.Equal(0, written);
    }

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public void Stem_ReturnsWhitespaceUnchanged(StemmerLanguage language)
    {
        var stemmer = Stemmer.Create(language);
        foreach (string blank in new[] { " ", "   ", "\t", " \t\n " })
            Assert.Equal(blank, stemmer.Stem(blank));
    }

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public void Stem_KeepsLoneSurrogates(StemmerLanguage language)
    {
        var stemmer = Stemmer.Create(language);
        foreach (string word in new[] { "\uD800", "\uDC00", "runn\uD800ings", "\uDBFFnations", "играющ\uDC00ие", "cantaría\uD800" })
        {
            string stem = stemmer.Stem(word);
            foreach (char c in word)
            {
                if (char.IsSurrogate(c))
                    Assert.Contains(c, stem);
            }
        }
    }

    [Fact]
    public void Stem_LeavesUpperCaseAlone_BecauseInputMustBeLowerCase()
    {
        // Snowball's contract: lower-case input. Upper-case letters are not vowels of any alphabet here, so nothing matches.
        Assert.Equal("RUNNING", Stemmer.Create(StemmerLanguage.English).Stem("RUNNING"));
        Assert.Equal("run", Stemmer.Create(StemmerLanguage.English).Stem("running"));
    }

    [Fact]
    public void Stem_ReturnsSameInstance_WhenNothingChanges()
    {
        string word = "cosmos";
        Assert.Same(word, Stemmer.Create(StemmerLanguage.English).Stem(word));
    }

    [Fact]
    public void TryStem_ReportsTooSmallDestination_AndGrowthIsBounded()
    {
        // German writes ß as ss (description, first step): the only rule that lengthens a word.
        var german = Stemmer.Create(StemmerLanguage.German);
        Span<char> exact = stackalloc char[Stemmer.GetMaxStemLength(3)];
        Assert.True(german.TryStem("ßßß", exact, out int written));
        Assert.Equal("ssssss", new string(exact[..written]));

        Span<char> small = stackalloc char[5];
        Assert.False(german.TryStem("ßßß", small, out written));
        Assert.Equal(0, written);
    }

    [Fact]
    public void GetMaxStemLength_RejectsNegative() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Stemmer.GetMaxStemLength(-1));

    [Fact]
    public void Stem_HandlesTenMegabyteToken_English()
    {
        // "b" + a…a + "ing": step 1b removes -ing (a vowel precedes it); nothing else applies, so the a's all stay.
        const int count = 10_000_000;
        string word = "b" + new string('a', count) + "ing";
        string stem = Stemmer.Create(StemmerLanguage.English).Stem(word);
        Assert.Equal(count + 1, stem.Length);
        Assert.Equal("b" + new string('a', count), stem);
    }

    [Theory]
    [InlineData(StemmerLanguage.English, "generalizations")]
    [InlineData(StemmerLanguage.Porter, "generalizations")]
    [InlineData(StemmerLanguage.Russian, "важнейшими")]
    [InlineData(StemmerLanguage.German, "straßenbahnhaltestellen")]
    [InlineData(StemmerLanguage.French, "continuellement")]
    [InlineData(StemmerLanguage.Spanish, "toreándolo")]
    [InlineData(StemmerLanguage.Italian, "abbassandola")]
    [InlineData(StemmerLanguage.Portuguese, "quintessência")]
    [InlineData(StemmerLanguage.Dutch, "lichamelijkheden")]
    [InlineData(StemmerLanguage.Swedish, "jaktlöjtnantens")]
    [InlineData(StemmerLanguage.Norwegian, "havnemyndighetene")]
    [InlineData(StemmerLanguage.Danish, "undertrykkerens")]
    [InlineData(StemmerLanguage.Finnish, "innostuksissaan")]
    public void Stem_OfTenMegabyteToken_EqualsStemWithShortPrefix(StemmerLanguage language, string word)
    {
        // A prefix of repeated "ba" fixes R1, R2 and RV within its first letters, and suffix rules look only at the end,
        // so a 10 MB prefix must give the same stem as a 6-letter one: nothing is truncated, nothing is lost.
        string unit = language == StemmerLanguage.Russian ? "ба" : "ba";
        string shortPrefix = string.Concat(Enumerable.Repeat(unit, 3));
        string longPrefix = string.Concat(Enumerable.Repeat(unit, 5_000_000));
        var stemmer = Stemmer.Create(language);

        string shortStem = stemmer.Stem(shortPrefix + word);
        Assert.StartsWith(shortPrefix, shortStem);
        string longStem = stemmer.Stem(longPrefix + word);
        Assert.Equal(longPrefix.Length + shortStem.Length - shortPrefix.Length, longStem.Length);
        Assert.True(longStem.AsSpan(longPrefix.Length).SequenceEqual(shortStem.AsSpan(shortPrefix.Length)));
    }

    [Fact]
    public void Stem_IsLinear_ForWordFullOfLengtheningLetters()
    {
        // ë/ï (French), ß (German) and ã (Portuguese) lengthen the word while stemming: one pass, not a shift per letter.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(4_000_000, Stemmer.Create(StemmerLanguage.German).Stem(new string('ß', 2_000_000)).Length);
        Assert.Equal(2_000_000, Stemmer.Create(StemmerLanguage.French).Stem("n" + new string('ë', 1_999_998) + "t").Length);
        Assert.Equal(2_000_000, Stemmer.Create(StemmerLanguage.Portuguese).Stem("b" + new string('ã', 1_999_999)).Length);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }
}
