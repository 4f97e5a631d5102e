using Microsoft.ML.Recurrent.Text.Stemming;

namespace Microsoft.ML.Recurrent.Tests.Text.Stemming.Snowball;

/// <summary>
/// Norwegian stemmer against an independent oracle: the sample vocabulary and stems published on the algorithm's
/// page at snowballstem.org (generated there by Snowball itself), plus hand-worked examples of single rules.
/// </summary>
public sealed class NorwegianStemmerTests
{
    private static readonly Stemmer s_stemmer = Stemmer.Create(StemmerLanguage.Norwegian);

    // (word, stem) from the sample table of the Snowball web page.
    public static TheoryData<string, string> PublishedSample => new()
    {
        { "havnedistrikt", "havnedistrikt" },
        { "havnedistriktene", "havnedistrikt" },
        { "havnedistrikter", "havnedistrikt" },
        { "havnedistriktet", "havnedistrikt" },
        { "havnedistriktets", "havnedistrikt" },
        { "havnedrift", "havnedrift" },
        { "havnedriften", "havnedrift" },
        { "havneeffektivitet", "havneeffektivit" },
        { "havneeier", "havneei" },
        { "havneeiere", "havneeier" },
        { "havneenheter", "havneen" },
        { "havneforbund", "havneforbund" },
        { "havneforbundets", "havneforbund" },
        { "havneformål", "havneformål" },
        { "havneforvaltningen", "havneforvaltning" },
        { "havnefunksjonene", "havnefunksjon" },
        { "havnefunksjoner", "havnefunksjon" },
        { "havnefylkene", "havnefylk" },
        { "havnefylker", "havnefylk" },
        { "havnehagen", "havnehag" },
        { "havneinfrastrukturen", "havneinfrastruktur" },
        { "havneinnretningene", "havneinnretning" },
        { "havneinnretninger", "havneinnretning" },
        { "havneinteresser", "havneinteress" },
        { "havnekapasitet", "havnekapasit" },
        { "havnekassa", "havnekass" },
        { "havnekasse", "havnekass" },
        { "havnekassemidler", "havnekassemidl" },
        { "havnekassen", "havnekass" },
        { "havnekassene", "havnekass" },
        { "havnekassens", "havnekass" },
        { "havnelokalisering", "havnelokalisering" },
        { "havneloven", "havn" },
        { "havnelovens", "havn" },
        { "havneløsning", "havneløsning" },
        { "havneløsningene", "havneløsning" },
        { "havneløsninger", "havneløsning" },
        { "havnemessig", "havnemess" },
        { "havnemyndighetene", "havnemynd" },
        { "havnemyndigheter", "havnemynd" },
        { "opning", "opning" },
        { "opninga", "opning" },
        { "opningsbalanse", "opningsbalans" },
        { "opningsbalansen", "opningsbalans" },
        { "opp", "opp" },
        { "oppad", "oppad" },
        { "opparbeide", "opparbeid" },
        { "opparbeidede", "opparbeid" },
        { "opparbeidelse", "opparbeid" },
        { "opparbeider", "opparbeid" },
        { "opparbeides", "opparbeid" },
        { "opparbeidet", "opparbeid" },
        { "opparbeiding", "opparbeiding" },
        { "oppattbygging", "oppattbygging" },
        { "oppbevarer", "oppbevar" },
        { "oppbevaring", "oppbevaring" },
        { "oppblåst", "oppblåst" },
        { "oppblåste", "oppblåst" },
        { "oppbrente", "oppbrent" },
        { "oppbygd", "oppbygd" },
        { "oppbygde", "oppbygd" },
        { "oppbygget", "oppbygg" },
        { "oppbygging", "oppbygging" },
        { "oppbygginga", "oppbygging" },
        { "oppbyggingen", "oppbygging" },
        { "oppdage", "oppdag" },
        { "oppdager", "oppdag" },
        { "oppdaterte", "oppdater" },
        { "oppdeling", "oppdeling" },
        { "oppdelingen", "oppdeling" },
        { "oppdelt", "oppdelt" },
        { "oppdrag", "oppdrag" },
        { "oppdraget", "oppdrag" },
        { "oppdragsavtale", "oppdragsavtal" },
        { "oppdragsgivere", "oppdragsgiver" },
        { "oppdragstakaren", "oppdragstakar" },
        { "oppe", "opp" },
        { "oppebærer", "oppebær" },
        { "oppfarende", "oppfar" },
        { "oppfatning", "oppfatning" },
    };

    [Theory]
    [MemberData(nameof(PublishedSample))]
    public void Stem_MatchesPublishedSample(string word, string expected) => Assert.Equal(expected, s_stemmer.Stem(word));

    // Hand-worked from the algorithm description (the comment names the rule).
    [Theory]
    [InlineData("meldt", "meld")] // description step 2 example
    [InlineData("operativt", "operativ")] // description step 2 example
    public void Stem_FollowsDescribedRule(string word, string expected) => Assert.Equal(expected, s_stemmer.Stem(word));
}
