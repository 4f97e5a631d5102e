using Microsoft.ML.Recurrent.Testing;
using Microsoft.ML.Recurrent.Text;
using Microsoft.ML.Transforms.Text;
using Xunit.Abstractions;

namespace Microsoft.ML.Recurrent.Tests.Text.StopWords;

public sealed class StopWordListTests(ITestOutputHelper output)
{
    // Snowball's lists in ../shared/data/stopwords are the oracle; our lists were written independently.
    public static TheoryData<string, StopWordsRemovingEstimator.Language> ReferenceLists => new()
    {
        { "english", StopWordsRemovingEstimator.Language.English },
        { "french", StopWordsRemovingEstimator.Language.French },
        { "german", StopWordsRemovingEstimator.Language.German },
        { "dutch", StopWordsRemovingEstimator.Language.Dutch },
        { "danish", StopWordsRemovingEstimator.Language.Danish },
        { "swedish", StopWordsRemovingEstimator.Language.Swedish },
        { "italian", StopWordsRemovingEstimator.Language.Italian },
        { "spanish", StopWordsRemovingEstimator.Language.Spanish },
        { "portuguese", StopWordsRemovingEstimator.Language.Portuguese },
        { "portuguese", StopWordsRemovingEstimator.Language.Portuguese_Brazilian },
        { "norwegian", StopWordsRemovingEstimator.Language.Norwegian_Bokmal },
        { "russian", StopWordsRemovingEstimator.Language.Russian },
        { "finnish", StopWordsRemovingEstimator.Language.Finnish },
        { "hungarian", StopWordsRemovingEstimator.Language.Hungarian },
    };

    [Theory]
    [MemberData(nameof(ReferenceLists))]
    public void BuiltInList_CoversAtLeast90PercentOfReferenceList(string reference, StopWordsRemovingEstimator.Language language)
    {
        var referenceWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(SharedData.Path("stopwords", reference + ".txt")))
        {
            string content = line.Split('|')[0];
            foreach (string word in content.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
                referenceWords.Add(word.ToLowerInvariant());
        }
        StopWordList list = StopWordList.ForLanguage(language);
        int covered = referenceWords.Count(w => list.Contains(w));
        double percent = 100.0 * covered / referenceWords.Count;
        output.WriteLine($"{language} vs {reference}.txt: {covered}/{referenceWords.Count} = {percent:F1}%");
        Assert.True(percent >= 90, $"{language} covers {percent:F1}% of {reference}.txt ({covered}/{referenceWords.Count}); expected at least 90%.");
    }

    [Fact]
    public void EveryLanguage_HasANonEmptyList()
    {
        foreach (var language in Enum.GetValues<StopWordsRemovingEstimator.Language>())
            Assert.True(StopWordList.ForLanguage(language).Count > 20, $"{language} list is nearly empty");
    }

    [Theory]
    [InlineData(StopWordsRemovingEstimator.Language.English, "The")]
    [InlineData(StopWordsRemovingEstimator.Language.English, "DON'T")]
    [InlineData(StopWordsRemovingEstimator.Language.French, "Être")]
    [InlineData(StopWordsRemovingEstimator.Language.French, "etre")]   // NormalizeText's default output
    [InlineData(StopWordsRemovingEstimator.Language.German, "ÜBER")]
    [InlineData(StopWordsRemovingEstimator.Language.Polish, "się")]
    [InlineData(StopWordsRemovingEstimator.Language.Czech, "protože")]
    [InlineData(StopWordsRemovingEstimator.Language.Arabic, "في")]
    [InlineData(StopWordsRemovingEstimator.Language.Japanese, "です")]
    [InlineData(StopWordsRemovingEstimator.Language.Russian, "Которые")]
    public void Contains_MatchesIgnoringCaseAndDiacritics(StopWordsRemovingEstimator.Language language, string word) =>
        Assert.True(StopWordList.ForLanguage(language).Contains(word));

    [Theory]
    [InlineData("house")]
    [InlineData("")]
    [InlineData("thethethethethethethethethethethethethethethethe")]
    public void Contains_RejectsContentWordsAndEmpty(string word) =>
        Assert.False(StopWordList.ForLanguage(StopWordsRemovingEstimator.Language.English).Contains(word));

    [Fact]
    public void RemoveFrom_KeepsOrderOfRemainingTokens() =>
        Assert.Equal(["quick", "fox", "jumps"], StopWordList.ForLanguage(StopWordsRemovingEstimator.Language.English)
            .RemoveFrom(["The", "quick", "fox", "is", "not", "jumps"]));

    [Fact]
    public void FromWords_BuildsCustomCaseInsensitiveList() =>
        Assert.Equal(["b"], StopWordList.FromWords(["A", "c", ""]).RemoveFrom(["a", "b", "C"]));

    [Fact]
    public void FromWords_RejectsNullWord_NamingItsIndex() =>
        Assert.Contains("Stop word 1", Assert.Throws<ArgumentException>(() => StopWordList.FromWords(["a", null!])).Message);

    [Theory]
    [InlineData("klingon")]
    [InlineData("99")]
    [InlineData("")]
    public void ForLanguage_RejectsUnknownName_ListingKnownNames(string name) =>
        Assert.Contains("English", Assert.Throws<ArgumentException>(() => StopWordList.ForLanguage(name)).Message);

    [Fact]
    public void ForLanguage_AcceptsNameIgnoringCase() =>
        Assert.Same(StopWordList.ForLanguage(StopWordsRemovingEstimator.Language.Norwegian_Bokmal), StopWordList.ForLanguage("norwegian_bokmal"));

    [Fact]
    public void ForLanguage_RejectsUndefinedValue() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => StopWordList.ForLanguage((StopWordsRemovingEstimator.Language)99));
}
