using Microsoft.ML.Recurrent.Text.Stemming;

namespace Microsoft.ML.Recurrent.Tests.Text.Stemming.Snowball;

/// <summary>
/// Italian stemmer against an independent oracle: the sample vocabulary and stems published on the algorithm's
/// page at snowballstem.org (generated there by Snowball itself), plus hand-worked examples of single rules.
/// </summary>
public sealed class ItalianStemmerTests
{
    private static readonly Stemmer s_stemmer = Stemmer.Create(StemmerLanguage.Italian);

    // (word, stem) from the sample table of the Snowball web page.
    public static TheoryData<string, string> PublishedSample => new()
    {
        { "abbandonata", "abbandon" },
        { "abbandonate", "abbandon" },
        { "abbandonati", "abbandon" },
        { "abbandonato", "abbandon" },
        { "abbandonava", "abbandon" },
        { "abbandonerà", "abbandon" },
        { "abbandoneranno", "abbandon" },
        { "abbandonerò", "abbandon" },
        { "abbandono", "abband" },
        { "abbandonò", "abbandon" },
        { "abbaruffato", "abbaruff" },
        { "abbassamento", "abbass" },
        { "abbassando", "abbass" },
        { "abbassandola", "abbass" },
        { "abbassandole", "abbass" },
        { "abbassar", "abbass" },
        { "abbassare", "abbass" },
        { "abbassarono", "abbass" },
        { "abbassarsi", "abbass" },
        { "abbassassero", "abbass" },
        { "abbassato", "abbass" },
        { "abbassava", "abbass" },
        { "abbassi", "abbass" },
        { "abbassò", "abbass" },
        { "abbastanza", "abbast" },
        { "abbatté", "abbatt" },
        { "abbattendo", "abbatt" },
        { "abbattere", "abbatt" },
        { "abbattersi", "abbatt" },
        { "abbattesse", "abbattess" },
        { "abbatteva", "abbatt" },
        { "abbattevamo", "abbatt" },
        { "abbattevano", "abbatt" },
        { "abbattimento", "abbatt" },
        { "abbattuta", "abbatt" },
        { "abbattuti", "abbatt" },
        { "abbattuto", "abbatt" },
        { "abbellita", "abbell" },
        { "abbenché", "abbenc" },
        { "abbi", "abbi" },
        { "pronto", "pront" },
        { "pronuncerà", "pronunc" },
        { "pronuncia", "pronunc" },
        { "pronunciamento", "pronunc" },
        { "pronunciare", "pronunc" },
        { "pronunciarsi", "pronunc" },
        { "pronunciata", "pronunc" },
        { "pronunciate", "pronunc" },
        { "pronunciato", "pronunc" },
        { "pronunzia", "pronunz" },
        { "pronunziano", "pronunz" },
        { "pronunziare", "pronunz" },
        { "pronunziarle", "pronunz" },
        { "pronunziato", "pronunz" },
        { "pronunzio", "pronunz" },
        { "pronunziò", "pronunz" },
        { "propaga", "propag" },
        { "propagamento", "propag" },
        { "propaganda", "propagand" },
        { "propagare", "propag" },
        { "propagarla", "propag" },
        { "propagarsi", "propag" },
        { "propagasse", "propag" },
        { "propagata", "propag" },
        { "propagazione", "propag" },
        { "propaghino", "propaghin" },
        { "propalate", "propal" },
        { "propende", "prop" },
        { "propensi", "propens" },
        { "propensione", "propension" },
        { "propini", "propin" },
        { "propio", "prop" },
        { "propizio", "propiz" },
        { "propone", "propon" },
        { "proponendo", "propon" },
        { "proponendosi", "propon" },
        { "proponenti", "proponent" },
        { "proponeva", "propon" },
        { "proponevano", "propon" },
        { "proponga", "propong" },
    };

    [Theory]
    [MemberData(nameof(PublishedSample))]
    public void Stem_MatchesPublishedSample(string word, string expected) => Assert.Equal(expected, s_stemmer.Stem(word));

    // Hand-worked from the algorithm description (the comment names the rule).
    [Theory]
    [InlineData("divano", "divan")] // Snowball 3: RV starts after divan, so only the final vowel goes (not div)
    public void Stem_FollowsDescribedRule(string word, string expected) => Assert.Equal(expected, s_stemmer.Stem(word));
}
