using Microsoft.ML.Recurrent.Text.Lemmatization;
using Microsoft.ML.Recurrent.Text.Stemming;

namespace Microsoft.ML.Recurrent.Tests.Text.Lemmatization;

public sealed class LemmatizerTests
{
    private static readonly LemmaLexicon s_lexicon = LemmaLexicon.Parse(new StringReader("went\tgo\nmice\tmouse\nbetter\tgood\n"));

    [Fact]
    public void Lemmatize_UsesLexicon_ThenKeepsUnknownWords()
    {
        var lemmatizer = new Lemmatizer(s_lexicon);
        Assert.Equal("go", lemmatizer.Lemmatize("went"));
        Assert.Equal("mouse", lemmatizer.Lemmatize("mice"));
        Assert.Equal("running", lemmatizer.Lemmatize("running"));
        Assert.Equal("", lemmatizer.Lemmatize(""));
    }

    [Fact]
    public void Lemmatize_StemsUnknownWords_WhenFallbackIsSet()
    {
        var lemmatizer = new Lemmatizer(s_lexicon, StemmerLanguage.English);
        Assert.Equal("good", lemmatizer.Lemmatize("better"));
        Assert.Equal("run", lemmatizer.Lemmatize("running"));
        Assert.Equal(StemmerLanguage.English, lemmatizer.FallbackLanguage);
    }

    [Fact]
    public void Lemmatize_RejectsNull() =>
        Assert.Throws<ArgumentNullException>(() => new Lemmatizer(s_lexicon).Lemmatize(null!));
}
