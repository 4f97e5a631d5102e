namespace Microsoft.ML.Recurrent.Text.Stemming.Snowball;

/// <summary>
/// Snowball's Finnish stemmer (snowballstem.org/algorithms/finnish/stemmer.html): particles, possessives, the 13
/// cases, comparative/superlative endings and plural markers, then tidying of long vowels and doubled consonants.
/// </summary>
internal sealed class FinnishStemmer : Stemmer
{
    private static readonly SuffixTable s_particle = new(
        ("kin", 1), ("kaan", 1), ("kään", 1), ("ko", 1), ("kö", 1), ("han", 1), ("hän", 1), ("pa", 1), ("pä", 1),
        ("sti", 2));

    private static readonly SuffixTable s_possessive = new(
        ("si", 1), ("ni", 2), ("nsa", 3), ("nsä", 3), ("mme", 3), ("nne", 3), ("an", 4), ("än", 5), ("en", 6));

    private static readonly SuffixTable s_beforeAn = SuffixTable.Of(1, "ta", "ssa", "sta", "lla", "lta", "na");
    private static readonly SuffixTable s_beforeÄn = SuffixTable.Of(1, "tä", "ssä", "stä", "llä", "ltä", "nä");
    private static readonly SuffixTable s_beforeEn = SuffixTable.Of(1, "lle", "ine");

    private static readonly SuffixTable s_case = new(
        ("han", 1), ("hen", 2), ("hin", 3), ("hon", 4), ("hän", 5), ("hön", 6),
        ("siin", 7), ("den", 7), ("tten", 7),
        ("seen", 8),
        ("n", 9),
        ("a", 10), ("ä", 10),
        ("tta", 11), ("ttä", 11),
        ("ta", 12), ("tä", 12), ("ssa", 12), ("ssä", 12), ("sta", 12), ("stä", 12), ("lla", 12), ("llä", 12),
        ("lta", 12), ("ltä", 12), ("lle", 12), ("na", 12), ("nä", 12), ("ksi", 12), ("ine", 12));

    private static readonly SuffixTable s_other = new(
        ("mpi", 1), ("mpa", 1), ("mpä", 1), ("mmi", 1), ("mma", 1), ("mmä", 1),
        ("impi", 2), ("impa", 2), ("impä", 2), ("immi", 2), ("imma", 2), ("immä", 2), ("eja", 2), ("ejä", 2));

    public override StemmerLanguage Language => StemmerLanguage.Finnish;

    private protected override void StemCore(ref StemBuffer w)
    {
        Regions.Standard<V1>(w.Text, out int p1, out int p2);

        Particle(ref w, p1, p2);
        Possessive(ref w, p1);
        bool endingRemoved = CaseEnding(ref w, p1);
        OtherEndings(ref w, p2);
        if (endingRemoved)
        {
            int n = w.Length;
            if (n - 1 >= p1 && w[n - 1] is 'i' or 'j')
                w.Truncate(n - 1);
        }
        else
        {
            TPlural(ref w, p1, p2);
        }
        Tidy(ref w, p1);
    }

    private readonly struct V1 : IVowels
    {
        public static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'ä' or 'ö';
    }

    private static bool IsV1(char c) => V1.IsVowel(c);

    private static bool IsV2(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'ä' or 'ö';

    private static bool IsConsonant(char c) =>
        c is 'b' or 'c' or 'd' or 'f' or 'g' or 'h' or 'j' or 'k' or 'l' or 'm' or 'n' or 'p' or 'q' or 'r' or 's' or 't'
            or 'v' or 'w' or 'x' or 'z';

    private static ReadOnlySpan<char> Region(ref StemBuffer w, int from) => from < w.Length ? w.Text[from..] : default;

    // Long vowel (aa, ee, ii, oo, uu, ää, öö) just before 'end'.
    private static bool LongVowelBefore(ref StemBuffer w, int end) =>
        end >= 2 && w[end - 1] == w[end - 2] && w[end - 1] is 'a' or 'e' or 'i' or 'o' or 'u' or 'ä' or 'ö';

    // "i" preceded by a vowel (V2), just before 'end'.
    private static bool ViBefore(ref StemBuffer w, int end) => end >= 2 && w[end - 1] == 'i' && IsV2(w[end - 2]);

    private static void Particle(ref StemBuffer w, int p1, int p2)
    {
        int action = s_particle.Find(Region(ref w, p1), out int length);
        int start = w.Length - length;
        bool remove = action switch
        {
            1 => start > 0 && (IsV1(w[start - 1]) || w[start - 1] is 'n' or 't'),
            2 => start >= p2,
            _ => false,
        };
        if (remove)
            w.Truncate(start);
    }

    private static void Possessive(ref StemBuffer w, int p1)
    {
        int action = s_possessive.Find(Region(ref w, p1), out int length);
        int start = w.Length - length;
        ReadOnlySpan<char> before = w.Text[..start];
        switch (action)
        {
            case 1:
                // -si after k is the comitative/translative -ksi, not a possessive.
                if (start == 0 || w[start - 1] != 'k')
                    w.Truncate(start);
                break;
            case 2:
                w.Truncate(start);
                if (w.EndsWith("kse"))
                    w.ReplaceEnd(w.Length - 3, "ksi");
                break;
            case 3:
                w.Truncate(start);
                break;
            case 4:
                if (s_beforeAn.Find(before, out _) != 0)
                    w.Truncate(start);
                break;
            case 5:
                if (s_beforeÄn.Find(before, out _) != 0)
                    w.Truncate(start);
                break;
            case 6:
                if (s_beforeEn.Find(before, out _) != 0)
                    w.Truncate(start);
                break;
        }
    }

    private static bool CaseEnding(ref StemBuffer w, int p1)
    {
        int action = s_case.Find(Region(ref w, p1), out int length);
        int start = w.Length - length;
        // -siin, -den, -tten need a preceding Vi and -seen a long vowel; these conditions belong to the match itself,
        // so when they fail the search falls back to the next shorter ending, -n (adressiin -> adressi).
        if ((action == 7 && !ViBefore(ref w, start)) || (action == 8 && !LongVowelBefore(ref w, start)))
        {
            action = 9;
            start = w.Length - 1;
        }
        char before = start > 0 ? w[start - 1] : '\0';
        bool remove;
        switch (action)
        {
            case 1: remove = before == 'a'; break;
            case 2: remove = before == 'e'; break;
            case 3: remove = before == 'i'; break;
            case 4: remove = before == 'o'; break;
            case 5: remove = before == 'ä'; break;
            case 6: remove = before == 'ö'; break;
            case 7:
            case 8:
                remove = true;
                break;
            case 9:
                // Illative -Vn after a long vowel, or genitive -ien: one vowel goes with the n.
                if (LongVowelBefore(ref w, start) || w.EndsWithAt(start, "ie"))
                    start--;
                remove = true;
                break;
            case 10: remove = start >= 2 && IsV1(w[start - 1]) && IsConsonant(w[start - 2]); break;
            case 11: remove = before == 'e'; break;
            case 12: remove = true; break;
            default: remove = false; break;
        }
        if (!remove)
            return false;
        w.Truncate(start);
        return true;
    }

    private static void OtherEndings(ref StemBuffer w, int p2)
    {
        int action = s_other.Find(Region(ref w, p2), out int length);
        int start = w.Length - length;
        if (action == 2 || (action == 1 && !w.EndsWithAt(start, "po")))
            w.Truncate(start);
    }

    private static void TPlural(ref StemBuffer w, int p1, int p2)
    {
        int n = w.Length;
        if (n < 2 || w[n - 1] != 't' || n - 2 < p1 || !IsV1(w[n - 2]))
            return;
        w.Truncate(n - 1);
        if (p2 >= w.Length)
            return;
        ReadOnlySpan<char> r2 = w.Text[p2..];
        if (r2.EndsWith("imma"))
            w.Truncate(w.Length - 4);
        else if (r2.EndsWith("mma") && !w.EndsWithAt(w.Length - 3, "po"))
            w.Truncate(w.Length - 3);
    }

    private static void Tidy(ref StemBuffer w, int p1)
    {
        int n = w.Length;
        if (n - 2 >= p1 && LongVowelBefore(ref w, n))
            w.Truncate(--n);
        if (n - 2 >= p1 && w[n - 1] is 'a' or 'ä' or 'e' or 'i' && IsConsonant(w[n - 2]))
            w.Truncate(--n);
        if (n - 2 >= p1 && w[n - 1] == 'j' && w[n - 2] is 'o' or 'u')
            w.Truncate(--n);
        if (n - 2 >= p1 && w[n - 1] == 'o' && w[n - 2] == 'j')
            w.Truncate(--n);

        // A doubled consonant followed only by vowels loses one letter (eläkk -> eläk, aatonaatto -> aatonaato); this
        // step is not restricted to R1.
        int k = n - 1;
        while (k >= 0 && IsV1(w[k]))
            k--;
        if (k >= 1 && IsConsonant(w[k]) && w[k - 1] == w[k])
            w.Delete(k, k + 1);
    }
}
