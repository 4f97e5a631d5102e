namespace Microsoft.ML.Recurrent.Text.Stemming.Snowball;

/// <summary>
/// Snowball's Italian stemmer (snowballstem.org/algorithms/italian/stemmer.html), with the Snowball 3 exception that
/// RV of words starting "divan" begins after it (divano/divani vs diva).
/// </summary>
internal sealed class ItalianStemmer : Stemmer
{
    private static readonly SuffixTable s_pronoun = SuffixTable.Of(1,
        "ci", "gli", "la", "le", "li", "lo", "mi", "ne", "si", "ti", "vi",
        "sene", "gliela", "gliele", "glieli", "glielo", "gliene", "mela", "mele", "meli", "melo", "mene",
        "tela", "tele", "teli", "telo", "tene", "cela", "cele", "celi", "celo", "cene", "vela", "vele", "veli", "velo", "vene");

    private static readonly SuffixTable s_pronounHost = new(("ando", 1), ("endo", 1), ("ar", 2), ("er", 2), ("ir", 2));

    private static readonly SuffixTable s_standard = new(
        ("anza", 1), ("anze", 1), ("ico", 1), ("ici", 1), ("ica", 1), ("ice", 1), ("iche", 1), ("ichi", 1),
        ("ismo", 1), ("ismi", 1), ("abile", 1), ("abili", 1), ("ibile", 1), ("ibili", 1), ("ista", 1), ("iste", 1),
        ("isti", 1), ("istà", 1), ("istè", 1), ("istì", 1), ("oso", 1), ("osi", 1), ("osa", 1), ("ose", 1),
        ("mente", 1), ("atrice", 1), ("atrici", 1), ("ante", 1), ("anti", 1),
        ("azione", 2), ("azioni", 2), ("atore", 2), ("atori", 2),
        ("logia", 3), ("logie", 3),
        ("uzione", 4), ("uzioni", 4), ("usione", 4), ("usioni", 4),
        ("enza", 5), ("enze", 5),
        ("amento", 6), ("amenti", 6), ("imento", 6), ("imenti", 6),
        ("amente", 7),
        ("ità", 8),
        ("ivo", 9), ("ivi", 9), ("iva", 9), ("ive", 9));

    private static readonly SuffixTable s_afterAmente = new(("iv", 1), ("os", 2), ("ic", 2), ("abil", 2));
    private static readonly SuffixTable s_afterIta = SuffixTable.Of(1, "abil", "ic", "iv");

    private static readonly SuffixTable s_verb = SuffixTable.Of(1,
        "ammo", "ando", "ano", "are", "arono", "asse", "assero", "assi", "assimo", "ata", "ate", "ati", "ato", "ava",
        "avamo", "avano", "avate", "avi", "avo", "emmo", "enda", "ende", "endi", "endo", "erà", "erai", "eranno",
        "ere", "erebbe", "erebbero", "erei", "eremmo", "eremo", "ereste", "eresti", "erete", "erò", "erono", "essero",
        "ete", "eva", "evamo", "evano", "evate", "evi", "evo", "Yamo", "iamo", "immo", "irà", "irai", "iranno", "ire",
        "irebbe", "irebbero", "irei", "iremmo", "iremo", "ireste", "iresti", "irete", "irò", "irono", "isca",
        "iscano", "isce", "isci", "isco", "iscono", "issero", "ita", "ite", "iti", "ito", "iva", "ivamo", "ivano",
        "ivate", "ivi", "ivo", "ono", "uta", "ute", "uti", "uto", "ar", "ir");

    public override StemmerLanguage Language => StemmerLanguage.Italian;

    private protected override void StemCore(ref StemBuffer w)
    {
        Prelude(ref w);
        int pV = w.StartsWith("divan") ? 5 : Regions.RomanceRv<Vowels>(w.Text);
        Regions.Standard<Vowels>(w.Text, out int p1, out int p2);

        AttachedPronoun(ref w, pV);
        if (!StandardSuffix(ref w, pV, p1, p2))
            VerbSuffix(ref w, pV);
        VowelSuffix(ref w, pV);

        for (int i = 0; i < w.Length; i++)
        {
            if (w[i] == 'I')
                w[i] = 'i';
            else if (w[i] == 'U')
                w[i] = 'u';
        }
    }

    private readonly struct Vowels : IVowels
    {
        public static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'à' or 'è' or 'ì' or 'ò' or 'ù';
    }

    // Acute accents become grave; the u of "qu" and u/i between vowels are marked upper-case (consonants).
    private static void Prelude(ref StemBuffer w)
    {
        for (int i = 0; i < w.Length; i++)
        {
            switch (w[i])
            {
                case 'á': w[i] = 'à'; break;
                case 'é': w[i] = 'è'; break;
                case 'í': w[i] = 'ì'; break;
                case 'ó': w[i] = 'ò'; break;
                case 'ú': w[i] = 'ù'; break;
                case 'q':
                    if (i + 1 < w.Length && w[i + 1] == 'u')
                    {
                        w[i + 1] = 'U';
                        i++;
                    }
                    break;
            }
        }
        for (int i = 1; i + 1 < w.Length; i++)
        {
            if ((w[i] == 'u' || w[i] == 'i') && Vowels.IsVowel(w[i - 1]) && Vowels.IsVowel(w[i + 1]))
                w[i] = w[i] == 'u' ? 'U' : 'I';
        }
    }

    private static void AttachedPronoun(ref StemBuffer w, int pV)
    {
        if (s_pronoun.Find(w.Text, out int pronounLength) == 0)
            return;
        int pronounStart = w.Length - pronounLength;
        int action = s_pronounHost.Find(w.Text[..pronounStart], out int hostLength);
        if (action == 0 || pronounStart - hostLength < pV)
            return;
        if (action == 1)
            w.Truncate(pronounStart);
        else
            w.ReplaceEnd(pronounStart, "e");
    }

    private static bool StandardSuffix(ref StemBuffer w, int pV, int p1, int p2)
    {
        int action = s_standard.Find(w.Text, out int length);
        int start = w.Length - length;
        if (action == 0)
            return false;
        int region = action switch { 6 => pV, 7 => p1, _ => p2 };
        if (start < region)
            return false;
        switch (action)
        {
            case 1:
            case 6:
                w.Truncate(start);
                break;
            case 2:
                w.Truncate(start);
                TruncateIfInR2(ref w, "ic", p2);
                break;
            case 3: w.ReplaceEnd(start, "log"); break;
            case 4: w.ReplaceEnd(start, "u"); break;
            case 5: w.ReplaceEnd(start, "ente"); break;
            case 7:
                w.Truncate(start);
                int follow = s_afterAmente.Find(w.Text, out int fl);
                if (follow != 0 && w.Length - fl >= p2)
                {
                    w.Truncate(w.Length - fl);
                    if (follow == 1)
                        TruncateIfInR2(ref w, "at", p2);
                }
                break;
            case 8:
                w.Truncate(start);
                if (s_afterIta.Find(w.Text, out int il) != 0 && w.Length - il >= p2)
                    w.Truncate(w.Length - il);
                break;
            case 9:
                w.Truncate(start);
                if (TruncateIfInR2(ref w, "at", p2))
                    TruncateIfInR2(ref w, "ic", p2);
                break;
        }
        return true;
    }

    private static bool TruncateIfInR2(ref StemBuffer w, string suffix, int p2)
    {
        if (!w.EndsWith(suffix) || w.Length - suffix.Length < p2)
            return false;
        w.Truncate(w.Length - suffix.Length);
        return true;
    }

    private static void VerbSuffix(ref StemBuffer w, int pV)
    {
        if (pV < w.Length && s_verb.Find(w.Text[pV..], out int length) != 0)
            w.Truncate(w.Length - length);
    }

    private static void VowelSuffix(ref StemBuffer w, int pV)
    {
        int n = w.Length;
        if (n > 0 && n - 1 >= pV && w[n - 1] is 'a' or 'e' or 'i' or 'o' or 'à' or 'è' or 'ì' or 'ò')
        {
            w.Truncate(n - 1);
            n--;
            if (n > 0 && n - 1 >= pV && w[n - 1] == 'i')
            {
                w.Truncate(n - 1);
                n--;
            }
        }
        // -ch/-gh: drop the h, provided the c or g is in RV.
        if (n >= 2 && w[n - 1] == 'h' && w[n - 2] is 'c' or 'g' && n - 2 >= pV)
            w.Truncate(n - 1);
    }
}
