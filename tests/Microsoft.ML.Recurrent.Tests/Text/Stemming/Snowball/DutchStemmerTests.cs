using Microsoft.ML.Recurrent.Text.Stemming;

namespace Microsoft.ML.Recurrent.Tests.Text.Stemming.Snowball;

/// <summary>
/// Dutch stemmer against an independent oracle: the sample vocabulary and stems published on the algorithm's
/// page at snowballstem.org (generated there by Snowball itself), plus hand-worked examples of single rules.
/// </summary>
public sealed class DutchStemmerTests
{
    private static readonly Stemmer s_stemmer = Stemmer.Create(StemmerLanguage.Dutch);

    // (word, stem) from the sample table of the Snowball web page.
    public static TheoryData<string, string> PublishedSample => new()
    {
        { "lichaamsziek", "lichaamsziek" },
        { "lichamelijk", "licham" },
        { "lichamelijke", "licham" },
        { "lichamelijkheden", "licham" },
        { "lichamen", "licham" },
        { "lichere", "licher" },
        { "licht", "licht" },
        { "lichtbeeld", "lichtbeeld" },
        { "lichtbruin", "lichtbruin" },
        { "lichtdoorlatende", "lichtdoorlat" },
        { "lichte", "licht" },
        { "lichten", "licht" },
        { "lichtende", "lichtend" },
        { "lichtenvoorde", "lichtenvoord" },
        { "lichter", "lichter" },
        { "lichtere", "lichter" },
        { "lichters", "lichter" },
        { "lichtgevoeligheid", "lichtgevoel" },
        { "lichtgewicht", "lichtgewicht" },
        { "lichtgrijs", "lichtgrijs" },
        { "lichthoeveelheid", "lichthoevel" },
        { "lichtintensiteit", "lichtintensiteit" },
        { "lichtje", "lichtj" },
        { "lichtjes", "lichtjes" },
        { "lichtkranten", "lichtkrant" },
        { "lichtkring", "lichtkring" },
        { "lichtkringen", "lichtkring" },
        { "lichtregelsystemen", "lichtregelsystem" },
        { "lichtste", "lichtst" },
        { "lichtstromende", "lichtstrom" },
        { "lichtte", "licht" },
        { "lichtten", "licht" },
        { "lichttoetreding", "lichttoetred" },
        { "lichtverontreinigde", "lichtverontreinigd" },
        { "lichtzinnige", "lichtzinn" },
        { "lid", "lid" },
        { "lidia", "lidia" },
        { "lidmaatschap", "lidmaatschap" },
        { "lidstaten", "lidstat" },
        { "lidvereniging", "lidveren" },
        { "opgingen", "opging" },
        { "opglanzing", "opglanz" },
        { "opglanzingen", "opglanz" },
        { "opglimlachten", "opglimlacht" },
        { "opglimpen", "opglimp" },
        { "opglimpende", "opglimp" },
        { "opglimping", "opglimp" },
        { "opglimpingen", "opglimp" },
        { "opgraven", "opgrav" },
        { "opgrijnzen", "opgrijnz" },
        { "opgrijzende", "opgrijz" },
        { "opgroeien", "opgroei" },
        { "opgroeiende", "opgroei" },
        { "opgroeiplaats", "opgroeiplat" },
        { "ophaal", "ophal" },
        { "ophaaldienst", "ophaaldienst" },
        { "ophaalkosten", "ophaalkost" },
        { "ophaalsystemen", "ophaalsystem" },
        { "ophaalt", "ophaalt" },
        { "ophaaltruck", "ophaaltruck" },
        { "ophalen", "ophal" },
        { "ophalend", "ophal" },
        { "ophalers", "ophaler" },
        { "ophef", "ophef" },
        { "opheffen", "opheff" },
        { "opheffende", "opheff" },
        { "opheffing", "opheff" },
        { "opheldering", "ophelder" },
        { "ophemelde", "ophemeld" },
        { "ophemelen", "ophemel" },
        { "opheusden", "opheusd" },
        { "ophief", "ophief" },
        { "ophield", "ophield" },
        { "ophieven", "ophiev" },
        { "ophoepelt", "ophoepelt" },
        { "ophoog", "ophog" },
        { "ophoogzand", "ophoogzand" },
        { "ophopen", "ophop" },
        { "ophoping", "ophop" },
        { "ophouden", "ophoud" },
    };

    [Theory]
    [MemberData(nameof(PublishedSample))]
    public void Stem_MatchesPublishedSample(string word, string expected) => Assert.Equal(expected, s_stemmer.Stem(word));

    // Hand-worked from the algorithm description (the comment names the rule).
    [Theory]
    [InlineData("maan", "man")] // description step 4 example (undouble vowel)
    [InlineData("brood", "brod")] // description step 4 example
    public void Stem_FollowsDescribedRule(string word, string expected) => Assert.Equal(expected, s_stemmer.Stem(word));
}
