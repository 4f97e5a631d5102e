using Microsoft.ML.Recurrent.Text.Stemming;

namespace Microsoft.ML.Recurrent.Tests.Text.Stemming.Snowball;

/// <summary>
/// Portuguese stemmer against an independent oracle: the sample vocabulary and stems published on the algorithm's
/// page at snowballstem.org (generated there by Snowball itself), plus hand-worked examples of single rules.
/// </summary>
public sealed class PortugueseStemmerTests
{
    private static readonly Stemmer s_stemmer = Stemmer.Create(StemmerLanguage.Portuguese);

    // (word, stem) from the sample table of the Snowball web page.
    public static TheoryData<string, string> PublishedSample => new()
    {
        { "boa", "boa" },
        { "boainain", "boainain" },
        { "boas", "boas" },
        { "bôas", "bôas" },
        { "boassu", "boassu" },
        { "boataria", "boat" },
        { "boate", "boat" },
        { "boates", "boat" },
        { "boatos", "boat" },
        { "bob", "bob" },
        { "boba", "bob" },
        { "bobagem", "bobag" },
        { "bobagens", "bobagens" },
        { "bobalhões", "bobalhõ" },
        { "bobear", "bob" },
        { "bobeira", "bobeir" },
        { "bobinho", "bobinh" },
        { "bobinhos", "bobinh" },
        { "bobo", "bob" },
        { "bobs", "bobs" },
        { "boca", "boc" },
        { "bocadas", "boc" },
        { "bocadinho", "bocadinh" },
        { "bocado", "boc" },
        { "bocaiúva", "bocaiúv" },
        { "boçal", "boçal" },
        { "bocarra", "bocarr" },
        { "bocas", "boc" },
        { "bode", "bod" },
        { "bodoque", "bodoqu" },
        { "body", "body" },
        { "boeing", "boeing" },
        { "boem", "boem" },
        { "boemia", "boem" },
        { "boêmio", "boêmi" },
        { "boêmios", "boêmi" },
        { "bogotá", "bogot" },
        { "boi", "boi" },
        { "bóia", "bói" },
        { "boiando", "boi" },
        { "quiabo", "quiab" },
        { "quicaram", "quic" },
        { "quickly", "quickly" },
        { "quieto", "quiet" },
        { "quietos", "quiet" },
        { "quilate", "quilat" },
        { "quilates", "quilat" },
        { "quilinhos", "quilinh" },
        { "quilo", "quil" },
        { "quilombo", "quilomb" },
        { "quilométricas", "quilométr" },
        { "quilométricos", "quilométr" },
        { "quilômetro", "quilômetr" },
        { "quilômetros", "quilômetr" },
        { "quilos", "quil" },
        { "química", "químic" },
        { "químicas", "químic" },
        { "químico", "químic" },
        { "químicos", "químic" },
        { "quimioterapia", "quimioterap" },
        { "quimioterápicos", "quimioteráp" },
        { "quimono", "quimon" },
        { "quincas", "quinc" },
        { "quinhão", "quinhã" },
        { "quinhentos", "quinhent" },
        { "quinn", "quinn" },
        { "quino", "quin" },
        { "quinta", "quint" },
        { "quintal", "quintal" },
        { "quintana", "quintan" },
        { "quintanilha", "quintanilh" },
        { "quintão", "quintã" },
        { "quintessência", "quintessent" },
        { "quintino", "quintin" },
        { "quinto", "quint" },
        { "quintos", "quint" },
        { "quintuplicou", "quintuplic" },
        { "quinze", "quinz" },
        { "quinzena", "quinzen" },
        { "quiosque", "quiosqu" },
    };

    [Theory]
    [MemberData(nameof(PublishedSample))]
    public void Stem_MatchesPublishedSample(string word, string expected) => Assert.Equal(expected, s_stemmer.Stem(word));
}
