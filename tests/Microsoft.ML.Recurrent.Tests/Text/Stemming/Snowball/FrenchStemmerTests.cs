using Microsoft.ML.Recurrent.Text.Stemming;

namespace Microsoft.ML.Recurrent.Tests.Text.Stemming.Snowball;

/// <summary>
/// French stemmer against an independent oracle: the sample vocabulary and stems published on the algorithm's
/// page at snowballstem.org (generated there by Snowball itself), plus hand-worked examples of single rules.
/// </summary>
public sealed class FrenchStemmerTests
{
    private static readonly Stemmer s_stemmer = Stemmer.Create(StemmerLanguage.French);

    // (word, stem) from the sample table of the Snowball web page.
    public static TheoryData<string, string> PublishedSample => new()
    {
        { "continu", "continu" },
        { "continua", "continu" },
        { "continuait", "continu" },
        { "continuant", "continu" },
        { "continuation", "continu" },
        { "continue", "continu" },
        { "continuel", "continuel" },
        { "continuelle", "continuel" },
        { "continuellement", "continuel" },
        { "continuelles", "continuel" },
        { "continuels", "continuel" },
        { "continuer", "continu" },
        { "continuera", "continu" },
        { "continuerait", "continu" },
        { "continueront", "continu" },
        { "continuez", "continu" },
        { "continuité", "continu" },
        { "continuons", "continuon" },
        { "continué", "continu" },
        { "contorsions", "contors" },
        { "contour", "contour" },
        { "contournait", "contourn" },
        { "contournant", "contourn" },
        { "contourne", "contourn" },
        { "contours", "contour" },
        { "contractait", "contract" },
        { "contracter", "contract" },
        { "contractions", "contract" },
        { "contracté", "contract" },
        { "contractée", "contract" },
        { "contractés", "contract" },
        { "contradictoirement", "contradictoir" },
        { "contradictoires", "contradictoir" },
        { "contraindre", "contraindr" },
        { "contraint", "contraint" },
        { "contrainte", "contraint" },
        { "contraintes", "contraint" },
        { "contraire", "contrair" },
        { "contraires", "contrair" },
        { "contraria", "contrari" },
        { "main", "main" },
        { "mains", "main" },
        { "maintenaient", "mainten" },
        { "maintenait", "mainten" },
        { "maintenant", "mainten" },
        { "maintenir", "mainten" },
        { "maintenue", "maintenu" },
        { "maintien", "maintien" },
        { "maintint", "maintint" },
        { "maire", "mair" },
        { "maires", "mair" },
        { "mairie", "mair" },
        { "mais", "mais" },
        { "maison", "maison" },
        { "maisons", "maison" },
        { "maistre", "maistr" },
        { "maitre", "maitr" },
        { "majestueuse", "majestu" },
        { "majestueusement", "majestu" },
        { "majestueux", "majestu" },
        { "majesté", "majest" },
        { "majeur", "majeur" },
        { "majeure", "majeur" },
        { "major", "major" },
        { "majordome", "majordom" },
        { "majordomes", "majordom" },
        { "majorité", "major" },
        { "majorités", "major" },
        { "mal", "mal" },
        { "malacca", "malacc" },
        { "malade", "malad" },
        { "malades", "malad" },
        { "maladie", "malad" },
        { "maladies", "malad" },
        { "maladive", "malad" },
        { "maladresse", "maladress" },
        { "maladresses", "maladress" },
        { "maladroit", "maladroit" },
        { "maladroite", "maladroit" },
        { "maladroitement", "maladroit" },
    };

    [Theory]
    [MemberData(nameof(PublishedSample))]
    public void Stem_MatchesPublishedSample(string word, string expected) => Assert.Equal(expected, s_stemmer.Stem(word));

    // Hand-worked from the algorithm description (the comment names the rule).
    [Theory]
    [InlineData("l'avion", "avion")] // Snowball 3: the elision l' is removed first
    [InlineData("qu'il", "il")] // elision qu'
    [InlineData("l'", "l'")] // an apostrophe at the end is not an elision
    public void Stem_FollowsDescribedRule(string word, string expected) => Assert.Equal(expected, s_stemmer.Stem(word));
}
