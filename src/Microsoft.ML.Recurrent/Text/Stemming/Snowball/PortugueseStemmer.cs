namespace Microsoft.ML.Recurrent.Text.Stemming.Snowball;

/// <summary>
/// Snowball's Portuguese stemmer (snowballstem.org/algorithms/portuguese/stemmer.html). The nasal vowels ã and õ are
/// written "a~" and "o~" while stemming (so "~" acts as a consonant) and restored at the end.
/// </summary>
internal sealed class PortugueseStemmer : Stemmer
{
    private static readonly SuffixTable s_standard = new(
        ("eza", 1), ("ezas", 1), ("ico", 1), ("ica", 1), ("icos", 1), ("icas", 1), ("ismo", 1), ("ismos", 1),
        ("ável", 1), ("ível", 1), ("ista", 1), ("istas", 1), ("oso", 1), ("osa", 1), ("osos", 1), ("osas", 1),
        ("amento", 1), ("amentos", 1), ("imento", 1), ("imentos", 1), ("adora", 1), ("ador", 1), ("aça~o", 1),
        ("adoras", 1), ("adores", 1), ("aço~es", 1), ("ante", 1), ("antes", 1), ("ância", 1),
        ("logia", 2), ("logias", 2),
        ("uça~o", 3), ("uço~es", 3),
        ("ência", 4), ("ências", 4),
        ("amente", 5),
        ("mente", 6),
        ("idade", 7), ("idades", 7),
        ("iva", 8), ("ivo", 8), ("ivas", 8), ("ivos", 8),
        ("ira", 9), ("iras", 9));

    private static readonly SuffixTable s_afterAmente = new(("iv", 1), ("os", 2), ("ic", 2), ("ad", 2));
    private static readonly SuffixTable s_afterMente = SuffixTable.Of(1, "ante", "avel", "ível");
    private static readonly SuffixTable s_afterIdade = SuffixTable.Of(1, "abil", "ic", "iv");

    private static readonly SuffixTable s_verb = SuffixTable.Of(1,
        "ada", "ida", "ia", "aria", "eria", "iria", "ará", "ara", "erá", "era", "irá", "ava", "asse", "esse", "isse",
        "aste", "este", "iste", "ei", "arei", "erei", "irei", "am", "iam", "ariam", "eriam", "iriam", "aram", "eram",
        "iram", "avam", "em", "arem", "erem", "irem", "assem", "essem", "issem", "ado", "ido", "ando", "endo", "indo",
        "ara~o", "era~o", "ira~o", "ar", "er", "ir", "as", "adas", "idas", "ias", "arias", "erias", "irias", "arás",
        "aras", "erás", "eras", "irás", "avas", "es", "ardes", "erdes", "irdes", "ares", "eres", "ires", "asses",
        "esses", "isses", "astes", "estes", "istes", "is", "ais", "eis", "íeis", "aríeis", "eríeis", "iríeis",
        "áreis", "areis", "éreis", "ereis", "íreis", "ireis", "ásseis", "ésseis", "ísseis", "áveis", "ados", "idos",
        "ámos", "amos", "íamos", "aríamos", "eríamos", "iríamos", "áramos", "éramos", "íramos", "ávamos", "emos",
        "aremos", "eremos", "iremos", "ássemos", "êssemos", "íssemos", "imos", "armos", "ermos", "irmos", "eu", "iu",
        "ou", "ira", "iras");

    private static readonly SuffixTable s_residual = SuffixTable.Of(1, "os", "a", "i", "o", "á", "í", "ó");

    public override StemmerLanguage Language => StemmerLanguage.Portuguese;

    private protected override void StemCore(ref StemBuffer w)
    {
        WriteNasalVowelsApart(ref w);
        int pV = Regions.RomanceRv<Vowels>(w.Text);
        Regions.Standard<Vowels>(w.Text, out int p1, out int p2);

        if (StandardSuffix(ref w, pV, p1, p2) || VerbSuffix(ref w, pV))
        {
            // -ci after a removed suffix: drop the i (it only kept the c soft).
            int n = w.Length;
            if (n >= 2 && w[n - 1] == 'i' && w[n - 2] == 'c' && n - 1 >= pV)
                w.Truncate(n - 1);
        }
        else if (s_residual.Find(w.Text, out int length) != 0 && w.Length - length >= pV)
        {
            w.Truncate(w.Length - length);
        }
        ResidualForm(ref w, pV);

        RestoreNasalVowels(ref w);
    }

    private readonly struct Vowels : IVowels
    {
        public static bool IsVowel(char c) =>
            c is 'a' or 'e' or 'i' or 'o' or 'u' or 'á' or 'é' or 'í' or 'ó' or 'ú' or 'â' or 'ê' or 'ô';
    }

    // ã, õ -> a~, o~ so that the nasal vowel counts as vowel + consonant (one pass: the word gets longer).
    private static void WriteNasalVowelsApart(ref StemBuffer w)
    {
        Span<char> input = w.BeginRewrite();
        foreach (char c in input)
        {
            if (c is 'ã' or 'õ')
            {
                w.Append(c == 'ã' ? 'a' : 'o');
                w.Append('~');
            }
            else
            {
                w.Append(c);
            }
        }
    }

    private static void RestoreNasalVowels(ref StemBuffer w)
    {
        int write = 0;
        int n = w.Length;
        for (int read = 0; read < n; read++)
        {
            char c = w[read];
            if (read + 1 < n && w[read + 1] == '~' && c is 'a' or 'o')
            {
                c = c == 'a' ? 'ã' : 'õ';
                read++;
            }
            w[write++] = c;
        }
        w.Truncate(write);
    }

    private static bool StandardSuffix(ref StemBuffer w, int pV, int p1, int p2)
    {
        int action = s_standard.Find(w.Text, out int length);
        int start = w.Length - length;
        if (action == 0)
            return false;
        int region = action switch { 5 => p1, 9 => pV, _ => p2 };
        if (start < region)
            return false;
        switch (action)
        {
            case 1: w.Truncate(start); break;
            case 2: w.ReplaceEnd(start, "log"); break;
            case 3: w.ReplaceEnd(start, "u"); break;
            case 4: w.ReplaceEnd(start, "ente"); break;
            case 5:
                w.Truncate(start);
                int follow = s_afterAmente.Find(w.Text, out int fl);
                if (follow != 0 && w.Length - fl >= p2)
                {
                    w.Truncate(w.Length - fl);
                    if (follow == 1 && w.EndsWith("at") && w.Length - 2 >= p2)
                        w.Truncate(w.Length - 2);
                }
                break;
            case 6:
                w.Truncate(start);
                if (s_afterMente.Find(w.Text, out int ml) != 0 && w.Length - ml >= p2)
                    w.Truncate(w.Length - ml);
                break;
            case 7:
                w.Truncate(start);
                if (s_afterIdade.Find(w.Text, out int il) != 0 && w.Length - il >= p2)
                    w.Truncate(w.Length - il);
                break;
            case 8:
                w.Truncate(start);
                if (w.EndsWith("at") && w.Length - 2 >= p2)
                    w.Truncate(w.Length - 2);
                break;
            case 9:
                // -eira(s) is usually not verbal: only "e" + ira -> "eir".
                if (start == 0 || w[start - 1] != 'e')
                    return false;
                w.ReplaceEnd(start, "ir");
                break;
        }
        return true;
    }

    private static bool VerbSuffix(ref StemBuffer w, int pV)
    {
        if (pV >= w.Length || s_verb.Find(w.Text[pV..], out int length) == 0)
            return false;
        w.Truncate(w.Length - length);
        return true;
    }

    private static void ResidualForm(ref StemBuffer w, int pV)
    {
        int n = w.Length;
        if (n == 0)
            return;
        char last = w[n - 1];
        if (last is 'e' or 'é' or 'ê')
        {
            if (n - 1 < pV)
                return;
            w.Truncate(n - 1);
            n--;
            // gue -> g, cie -> c: the u/i only kept the consonant hard/soft.
            if (n >= 2 && n - 1 >= pV && ((w[n - 1] == 'u' && w[n - 2] == 'g') || (w[n - 1] == 'i' && w[n - 2] == 'c')))
                w.Truncate(n - 1);
        }
        else if (last == 'ç')
        {
            w[n - 1] = 'c';
        }
    }
}
