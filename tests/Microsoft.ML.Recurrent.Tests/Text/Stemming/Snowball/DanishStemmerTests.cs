using Microsoft.ML.Recurrent.Text.Stemming;

namespace Microsoft.ML.Recurrent.Tests.Text.Stemming.Snowball;

/// <summary>
/// Danish stemmer against an independent oracle: the sample vocabulary and stems published on the algorithm's
/// page at snowballstem.org (generated there by Snowball itself), plus hand-worked examples of single rules.
/// </summary>
public sealed class DanishStemmerTests
{
    private static readonly Stemmer s_stemmer = Stemmer.Create(StemmerLanguage.Danish);

    // (word, stem) from the sample table of the Snowball web page.
    public static TheoryData<string, string> PublishedSample => new()
    {
        { "indtage", "indtag" },
        { "indtagelse", "indtag" },
        { "indtager", "indtag" },
        { "indtages", "indtag" },
        { "indtaget", "indtag" },
        { "indtil", "indtil" },
        { "indtog", "indtog" },
        { "indtraf", "indtraf" },
        { "indtryk", "indtryk" },
        { "indtræde", "indtræd" },
        { "indtræder", "indtræd" },
        { "indtræffe", "indtræf" },
        { "indtræffer", "indtræf" },
        { "indtrængende", "indtræng" },
        { "indtægt", "indtæg" },
        { "indtægter", "indtæg" },
        { "indvandrede", "indvandred" },
        { "indvandret", "indvandr" },
        { "indvender", "indvend" },
        { "indvendig", "indvend" },
        { "indvendige", "indvend" },
        { "indvendigt", "indvend" },
        { "indvending", "indvending" },
        { "indvendingerne", "indvending" },
        { "indvie", "indvi" },
        { "indviede", "indvied" },
        { "indvielse", "indvi" },
        { "indvielsen", "indvi" },
        { "indvielsesløfte", "indvielsesløft" },
        { "indvielsestid", "indvielsestid" },
        { "indvier", "indvi" },
        { "indvies", "indvi" },
        { "indviet", "indvi" },
        { "indvikle", "indvikl" },
        { "indvikler", "indvikl" },
        { "indvolde", "indvold" },
        { "indvoldene", "indvold" },
        { "indvortes", "indvort" },
        { "indånde", "indånd" },
        { "indåndede", "indånded" },
        { "underste", "underst" },
        { "undersåtter", "undersåt" },
        { "undersåtters", "undersåt" },
        { "undersøg", "undersøg" },
        { "undersøge", "undersøg" },
        { "undersøgelse", "undersøg" },
        { "undersøgelsen", "undersøg" },
        { "undersøger", "undersøg" },
        { "undersøgt", "undersøg" },
        { "undersøgte", "undersøg" },
        { "undertryk", "undertryk" },
        { "undertrykke", "undertryk" },
        { "undertrykkelse", "undertryk" },
        { "undertrykker", "undertryk" },
        { "undertrykkere", "undertryk" },
        { "undertrykkeren", "undertryk" },
        { "undertrykkerens", "undertryk" },
        { "undertrykkeres", "undertryk" },
        { "undertrykkes", "undertryk" },
        { "undertrykt", "undertryk" },
        { "undertrykte", "undertryk" },
        { "undertryktes", "undertryk" },
        { "undertvang", "undertvang" },
        { "undertvunget", "undertvung" },
        { "undertvungne", "undertvungn" },
        { "undervejs", "undervej" },
        { "underverdenen", "underverden" },
        { "undervise", "undervis" },
        { "underviser", "undervis" },
        { "undervises", "undervis" },
        { "undervisning", "undervisning" },
        { "undervisningen", "undervisning" },
        { "undervist", "undervist" },
        { "underviste", "undervist" },
        { "underværk", "underværk" },
        { "underværker", "underværk" },
        { "undevise", "undevis" },
        { "undeviste", "undevist" },
        { "undfange", "undfang" },
        { "undfanged", "undfanged" },
    };

    [Theory]
    [MemberData(nameof(PublishedSample))]
    public void Stem_MatchesPublishedSample(string word, string expected) => Assert.Equal(expected, s_stemmer.Stem(word));

    // Hand-worked from the algorithm description (the comment names the rule).
    [Theory]
    [InlineData("bestemmelse", "bestem")] // description step 4 example: -e, then -els, then undouble
    [InlineData("friskt", "frisk")] // description step 2 example
    public void Stem_FollowsDescribedRule(string word, string expected) => Assert.Equal(expected, s_stemmer.Stem(word));
}
