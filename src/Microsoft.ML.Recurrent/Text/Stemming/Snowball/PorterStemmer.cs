namespace Microsoft.ML.Recurrent.Text.Stemming.Snowball;

/// <summary>
/// Martin Porter's original 1980 English algorithm as published in Snowball
/// (snowballstem.org/algorithms/porter/stemmer.html), with R1/R2 standing for the measure m &gt; 0 and m &gt; 1.
/// </summary>
internal sealed class PorterStemmer : Stemmer
{
    private static readonly SuffixTable s_step2 = new(
        ("tional", 1), ("enci", 2), ("anci", 3), ("abli", 4), ("entli", 5), ("eli", 6), ("izer", 7), ("ization", 7),
        ("ational", 8), ("ation", 8), ("ator", 8), ("alli", 9), ("alism", 9), ("aliti", 9), ("fulness", 10),
        ("ousli", 11), ("ousness", 11), ("iveness", 12), ("iviti", 12), ("biliti", 13));

    private static readonly SuffixTable s_step3 = new(
        ("alize", 1), ("icate", 2), ("iciti", 2), ("ical", 2), ("ative", 3), ("ful", 3), ("ness", 3));

    private static readonly SuffixTable s_step4 = new(
        ("al", 1), ("ance", 1), ("ence", 1), ("er", 1), ("ic", 1), ("able", 1), ("ible", 1), ("ant", 1), ("ement", 1),
        ("ment", 1), ("ent", 1), ("ou", 1), ("ism", 1), ("ate", 1), ("iti", 1), ("ous", 1), ("ive", 1), ("ize", 1),
        ("ion", 2));

    public override StemmerLanguage Language => StemmerLanguage.Porter;

    private protected override void StemCore(ref StemBuffer w)
    {
        bool yFound = false;
        if (w.Length > 0 && w[0] == 'y')
        {
            w[0] = 'Y';
            yFound = true;
        }
        for (int i = 1; i < w.Length; i++)
        {
            if (w[i] == 'y' && IsVowel(w[i - 1]))
            {
                w[i] = 'Y';
                yFound = true;
            }
        }

        int p1 = w.Length, p2 = w.Length;
        int r1 = AfterVowelConsonant(ref w, 0);
        if (r1 >= 0)
        {
            p1 = r1;
            int r2 = AfterVowelConsonant(ref w, r1);
            if (r2 >= 0)
                p2 = r2;
        }

        Step1a(ref w);
        Step1b(ref w, p1);
        Step1c(ref w);
        ReplaceInRegion(ref w, s_step2, p1, 2);
        ReplaceInRegion(ref w, s_step3, p1, 3);
        Step4(ref w, p2);
        Step5(ref w, p1, p2);

        if (yFound)
        {
            for (int i = 0; i < w.Length; i++)
            {
                if (w[i] == 'Y')
                    w[i] = 'y';
            }
        }
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static int AfterVowelConsonant(ref StemBuffer w, int from)
    {
        int i = from;
        while (i < w.Length && !IsVowel(w[i]))
            i++;
        if (i == w.Length)
            return -1;
        i++;
        while (i < w.Length && IsVowel(w[i]))
            i++;
        return i == w.Length ? -1 : i + 1;
    }

    private static bool HasVowel(ref StemBuffer w, int end)
    {
        for (int i = 0; i < end; i++)
        {
            if (IsVowel(w[i]))
                return true;
        }
        return false;
    }

    // Porter's *o condition: consonant-vowel-consonant ending at 'end', the last consonant not w, x or Y.
    private static bool ShortSyllable(ref StemBuffer w, int end)
    {
        if (end < 3 || IsVowel(w[end - 1]) || !IsVowel(w[end - 2]) || IsVowel(w[end - 3]))
            return false;
        char c = w[end - 1];
        return c != 'w' && c != 'x' && c != 'Y';
    }

    private static void Step1a(ref StemBuffer w)
    {
        int n = w.Length;
        if (w.EndsWith("sses"))
            w.ReplaceEnd(n - 4, "ss");
        else if (w.EndsWith("ies"))
            w.ReplaceEnd(n - 3, "i");
        else if (w.EndsWith("ss"))
        {
        }
        else if (w.EndsWith("s"))
            w.Truncate(n - 1);
    }

    private static void Step1b(ref StemBuffer w, int p1)
    {
        int n = w.Length;
        if (w.EndsWith("eed"))
        {
            if (n - 3 >= p1)
                w.ReplaceEnd(n - 3, "ee");
            return;
        }
        int suffix = w.EndsWith("ing") ? 3 : w.EndsWith("ed") ? 2 : 0;
        if (suffix == 0 || !HasVowel(ref w, n - suffix))
            return;
        w.Truncate(n - suffix);

        if (w.EndsWith("at") || w.EndsWith("bl") || w.EndsWith("iz"))
        {
            w.ReplaceEnd(w.Length, "e");
            return;
        }
        int m = w.Length;
        if (m >= 2 && w[m - 1] == w[m - 2] && w[m - 1] is 'b' or 'd' or 'f' or 'g' or 'm' or 'n' or 'p' or 'r' or 't')
        {
            w.Truncate(m - 1);
            return;
        }
        if (m == p1 && ShortSyllable(ref w, m))
            w.ReplaceEnd(m, "e");
    }

    private static void Step1c(ref StemBuffer w)
    {
        int n = w.Length;
        if (n >= 1 && (w[n - 1] == 'y' || w[n - 1] == 'Y') && HasVowel(ref w, n - 1))
            w[n - 1] = 'i';
    }

    private static void ReplaceInRegion(ref StemBuffer w, SuffixTable table, int p1, int step)
    {
        int action = table.Find(w.Text, out int length);
        int start = w.Length - length;
        if (action == 0 || start < p1)
            return;
        ReadOnlySpan<char> replacement = step == 2
            ? action switch
            {
                1 => "tion",
                2 => "ence",
                3 => "ance",
                4 => "able",
                5 => "ent",
                6 => "e",
                7 => "ize",
                8 => "ate",
                9 => "al",
                10 => "ful",
                11 => "ous",
                12 => "ive",
                _ => "ble",
            }
            : action switch
            {
                1 => "al",
                2 => "ic",
                _ => "",
            };
        w.ReplaceEnd(start, replacement);
    }

    private static void Step4(ref StemBuffer w, int p2)
    {
        int action = s_step4.Find(w.Text, out int length);
        int start = w.Length - length;
        if (action == 0 || start < p2)
            return;
        if (action == 1 || (start > 0 && w[start - 1] is 's' or 't'))
            w.Truncate(start);
    }

    private static void Step5(ref StemBuffer w, int p1, int p2)
    {
        int n = w.Length;
        if (n > 0 && w[n - 1] == 'e')
        {
            int start = n - 1;
            if (start >= p2 || (start >= p1 && !ShortSyllable(ref w, start)))
                w.Truncate(start);
        }
        n = w.Length;
        if (n > 1 && w[n - 1] == 'l' && n - 1 >= p2 && w[n - 2] == 'l')
            w.Truncate(n - 1);
    }
}
