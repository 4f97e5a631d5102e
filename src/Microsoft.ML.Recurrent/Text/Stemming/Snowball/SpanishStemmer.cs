namespace Microsoft.ML.Recurrent.Text.Stemming.Snowball;

/// <summary>
/// Snowball's Spanish stemmer (snowballstem.org/algorithms/spanish/stemmer.html), including the Snowball 3 rule that
/// treats unaccented <c>-acion</c>/<c>-ucion</c> like <c>-ación</c>/<c>-ución</c>.
/// </summary>
internal sealed class SpanishStemmer : Stemmer
{
    private static readonly SuffixTable s_pronoun = SuffixTable.Of(1,
        "me", "se", "sela", "selo", "selas", "selos", "la", "le", "lo", "las", "les", "los", "nos");

    private static readonly SuffixTable s_pronounHost = new(
        ("iéndo", 1), ("ándo", 2), ("ár", 3), ("ér", 4), ("ír", 5),
        ("ando", 6), ("iendo", 6), ("ar", 6), ("er", 6), ("ir", 6), ("yendo", 7));

    private static readonly SuffixTable s_standard = new(
        ("anza", 1), ("anzas", 1), ("ico", 1), ("ica", 1), ("icos", 1), ("icas", 1), ("ismo", 1), ("ismos", 1),
        ("able", 1), ("ables", 1), ("ible", 1), ("ibles", 1), ("ista", 1), ("istas", 1), ("oso", 1), ("osa", 1),
        ("osos", 1), ("osas", 1), ("amiento", 1), ("amientos", 1), ("imiento", 1), ("imientos", 1),
        ("adora", 2), ("ador", 2), ("ación", 2), ("acion", 2), ("adoras", 2), ("adores", 2), ("aciones", 2),
        ("ante", 2), ("antes", 2), ("ancia", 2), ("ancias", 2),
        ("logía", 3), ("logías", 3),
        ("ución", 4), ("ucion", 4), ("uciones", 4),
        ("encia", 5), ("encias", 5),
        ("amente", 6),
        ("mente", 7),
        ("idad", 8), ("idades", 8),
        ("iva", 9), ("ivo", 9), ("ivas", 9), ("ivos", 9));

    private static readonly SuffixTable s_afterAmente = new(("iv", 1), ("os", 2), ("ic", 2), ("ad", 2));
    private static readonly SuffixTable s_afterMente = SuffixTable.Of(1, "ante", "able", "ible");
    private static readonly SuffixTable s_afterIdad = SuffixTable.Of(1, "abil", "ic", "iv");

    private static readonly SuffixTable s_yVerb = SuffixTable.Of(1,
        "ya", "ye", "yan", "yen", "yeron", "yendo", "yo", "yó", "yas", "yes", "yais", "yamos");

    private static readonly SuffixTable s_verb = BuildVerbTable();

    private static readonly SuffixTable s_residual = new(
        ("os", 1), ("a", 1), ("o", 1), ("á", 1), ("í", 1), ("ó", 1), ("e", 2), ("é", 2));

    public override StemmerLanguage Language => StemmerLanguage.Spanish;

    private protected override void StemCore(ref StemBuffer w)
    {
        int pV = Regions.RomanceRv<Vowels>(w.Text);
        Regions.Standard<Vowels>(w.Text, out int p1, out int p2);

        AttachedPronoun(ref w, pV);
        if (!StandardSuffix(ref w, p1, p2) && !YVerbSuffix(ref w, pV))
            VerbSuffix(ref w, pV);
        ResidualSuffix(ref w, pV);

        for (int i = 0; i < w.Length; i++)
        {
            w[i] = w[i] switch
            {
                'á' => 'a',
                'é' => 'e',
                'í' => 'i',
                'ó' => 'o',
                'ú' => 'u',
                char c => c,
            };
        }
    }

    private readonly struct Vowels : IVowels
    {
        public static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'á' or 'é' or 'í' or 'ó' or 'ú' or 'ü';
    }

    private static SuffixTable BuildVerbTable()
    {
        string[] group1 = ["en", "es", "éis", "emos"];
        string[] group2 =
        [
            "arían", "arías", "arán", "arás", "aríais", "aría", "aréis", "aríamos", "aremos", "ará", "aré",
            "erían", "erías", "erán", "erás", "eríais", "ería", "eréis", "eríamos", "eremos", "erá", "eré",
            "irían", "irías", "irán", "irás", "iríais", "iría", "iréis", "iríamos", "iremos", "irá", "iré",
            "aba", "ada", "ida", "ía", "ara", "iera", "ad", "ed", "id", "ase", "iese", "aste", "iste", "an", "aban", "ían",
            "aran", "ieran", "asen", "iesen", "aron", "ieron", "ado", "ido", "ando", "iendo", "ió", "ar", "er", "ir", "as",
            "abas", "adas", "idas", "ías", "aras", "ieras", "ases", "ieses", "ís", "áis", "abais", "íais", "arais",
            "ierais", "aseis", "ieseis", "asteis", "isteis", "ados", "idos", "amos", "ábamos", "íamos", "imos",
            "áramos", "iéramos", "iésemos", "ásemos",
        ];
        var entries = new List<(string, int)>();
        foreach (string s in group1)
            entries.Add((s, 1));
        foreach (string s in group2)
            entries.Add((s, 2));
        return new SuffixTable(entries.ToArray());
    }

    private static ReadOnlySpan<char> Rv(ref StemBuffer w, int pV) => pV < w.Length ? w.Text[pV..] : default;

    private static void AttachedPronoun(ref StemBuffer w, int pV)
    {
        if (s_pronoun.Find(w.Text, out int pronounLength) == 0)
            return;
        int pronounStart = w.Length - pronounLength;
        int action = s_pronounHost.Find(w.Text[..pronounStart], out int hostLength);
        int hostStart = pronounStart - hostLength;
        if (action == 0 || hostStart < pV)
            return;
        switch (action)
        {
            // An accent marks the stress only because the pronoun was attached: remove both.
            case 1: w.ReplaceEnd(hostStart, "iendo"); break;
            case 2: w.ReplaceEnd(hostStart, "ando"); break;
            case 3: w.ReplaceEnd(hostStart, "ar"); break;
            case 4: w.ReplaceEnd(hostStart, "er"); break;
            case 5: w.ReplaceEnd(hostStart, "ir"); break;
            case 6: w.Truncate(pronounStart); break;
            case 7:
                if (hostStart > 0 && w[hostStart - 1] == 'u')
                    w.Truncate(pronounStart);
                break;
        }
    }

    private static bool StandardSuffix(ref StemBuffer w, int p1, int p2)
    {
        int action = s_standard.Find(w.Text, out int length);
        int start = w.Length - length;
        if (action == 0)
            return false;
        if (action == 6)
        {
            if (start < p1)
                return false;
            w.Truncate(start);
            int follow = s_afterAmente.Find(w.Text, out int fl);
            int fs = w.Length - fl;
            if (follow != 0 && fs >= p2)
            {
                w.Truncate(fs);
                if (follow == 1 && w.EndsWith("at") && w.Length - 2 >= p2)
                    w.Truncate(w.Length - 2);
            }
            return true;
        }
        if (start < p2)
            return false;
        switch (action)
        {
            case 1:
                w.Truncate(start);
                break;
            case 2:
                w.Truncate(start);
                if (w.EndsWith("ic") && w.Length - 2 >= p2)
                    w.Truncate(w.Length - 2);
                break;
            case 3: w.ReplaceEnd(start, "log"); break;
            case 4: w.ReplaceEnd(start, "u"); break;
            case 5: w.ReplaceEnd(start, "ente"); break;
            case 7:
                w.Truncate(start);
                if (s_afterMente.Find(w.Text, out int ml) != 0 && w.Length - ml >= p2)
                    w.Truncate(w.Length - ml);
                break;
            case 8:
                w.Truncate(start);
                if (s_afterIdad.Find(w.Text, out int il) != 0 && w.Length - il >= p2)
                    w.Truncate(w.Length - il);
                break;
            case 9:
                w.Truncate(start);
                if (w.EndsWith("at") && w.Length - 2 >= p2)
                    w.Truncate(w.Length - 2);
                break;
        }
        return true;
    }

    private static bool YVerbSuffix(ref StemBuffer w, int pV)
    {
        if (s_yVerb.Find(Rv(ref w, pV), out int length) == 0)
            return false;
        int start = w.Length - length;
        if (start == 0 || w[start - 1] != 'u')
            return false;
        w.Truncate(start);
        return true;
    }

    private static void VerbSuffix(ref StemBuffer w, int pV)
    {
        int action = s_verb.Find(Rv(ref w, pV), out int length);
        int start = w.Length - length;
        if (action == 0)
            return;
        // -en/-es/-éis/-emos after "gu": the u goes too, as it only kept the g hard.
        if (action == 1 && start >= 2 && w[start - 1] == 'u' && w[start - 2] == 'g')
            start--;
        w.Truncate(start);
    }

    private static void ResidualSuffix(ref StemBuffer w, int pV)
    {
        int action = s_residual.Find(w.Text, out int length);
        int start = w.Length - length;
        if (action == 0 || start < pV)
            return;
        w.Truncate(start);
        if (action == 2 && w.EndsWith("u") && w.Length >= 2 && w[w.Length - 2] == 'g' && w.Length - 1 >= pV)
            w.Truncate(w.Length - 1);
    }
}
