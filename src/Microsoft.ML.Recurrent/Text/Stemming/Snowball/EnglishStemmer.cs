namespace Microsoft.ML.Recurrent.Text.Stemming.Snowball;

/// <summary>
/// Snowball's English stemmer ("Porter2"), following the algorithm published at
/// snowballstem.org/algorithms/english/stemmer.html in its Snowball 3 form: the extra R1 prefixes (past, univers,
/// later, emerg, organ, inter), no undoubling after a word-initial a/e/o, <c>-ogist</c> → <c>-og</c>, and the
/// <c>-eed</c>/<c>-ing</c> exceptions handled inside step 1b.
/// </summary>
internal sealed class EnglishStemmer : Stemmer
{
    // Words whose R1 starts after this prefix rather than after the first vowel-consonant pair, so that e.g.
    // generate/general/generic/generous and universe/universal/university keep distinct stems.
    private static readonly string[] s_regionPrefixes = ["gener", "commun", "arsen", "past", "univers", "later", "emerg", "organ", "inter"];

    private static readonly SuffixTable s_step2 = new(
        ("tional", 1), ("enci", 2), ("anci", 3), ("abli", 4), ("entli", 5), ("izer", 6), ("ization", 6),
        ("ational", 7), ("ation", 7), ("ator", 7), ("alism", 8), ("aliti", 8), ("alli", 8), ("fulness", 9),
        ("ousli", 10), ("ousness", 10), ("iveness", 11), ("iviti", 11), ("biliti", 12), ("bli", 12),
        ("ogist", 13), ("ogi", 14), ("fulli", 15), ("lessli", 16), ("li", 17));

    private static readonly SuffixTable s_step3 = new(
        ("tional", 1), ("ational", 2), ("alize", 3), ("icate", 4), ("iciti", 4), ("ical", 4), ("ful", 5), ("ness", 5),
        ("ative", 6));

    private static readonly SuffixTable s_step4 = new(
        ("al", 1), ("ance", 1), ("ence", 1), ("er", 1), ("ic", 1), ("able", 1), ("ible", 1), ("ant", 1), ("ement", 1),
        ("ment", 1), ("ent", 1), ("ism", 1), ("ate", 1), ("iti", 1), ("ous", 1), ("ive", 1), ("ize", 1), ("ion", 2));

    public override StemmerLanguage Language => StemmerLanguage.English;

    private protected override void StemCore(ref StemBuffer w)
    {
        if (ApplyException(ref w) || w.Length < 3)
            return;

        bool yFound = Prelude(ref w);
        MarkRegions(ref w, out int p1, out int p2);

        Step1a(ref w);
        Step1b(ref w, p1);
        Step1c(ref w);
        Step2(ref w, p1);
        Step3(ref w, p1, p2);
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

    // Whole words that the rules would get wrong (skies/sky vs ski) or that are not inflected forms (news, atlas).
    private static bool ApplyException(ref StemBuffer w)
    {
        string? replacement = w.Text switch
        {
            "skis" => "ski",
            "skies" => "sky",
            "idly" => "idl",
            "gently" => "gentl",
            "ugly" => "ugli",
            "early" => "earli",
            "only" => "onli",
            "singly" => "singl",
            "sky" or "news" or "howe" or "atlas" or "cosmos" or "bias" or "andes" => "",
            _ => null,
        };
        if (replacement is null)
            return false;
        if (replacement.Length > 0)
            w.ReplaceEnd(0, replacement);
        return true;
    }

    // Drops one leading apostrophe and marks consonant y (initial, or after a vowel) as 'Y'.
    private static bool Prelude(ref StemBuffer w)
    {
        if (w.Length > 0 && w[0] == '\'')
            w.Delete(0, 1);
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
        return yFound;
    }

    private static void MarkRegions(ref StemBuffer w, out int p1, out int p2)
    {
        p1 = p2 = w.Length;
        int start = -1;
        // Only words starting with one of the prefixes' first letters need the list.
        if (w.Length > 3 && w[0] is 'g' or 'c' or 'a' or 'p' or 'u' or 'l' or 'e' or 'o' or 'i')
        {
            foreach (string prefix in s_regionPrefixes)
            {
                if (w.StartsWith(prefix))
                {
                    start = prefix.Length;
                    break;
                }
            }
        }
        if (start < 0)
            start = AfterVowelConsonant(ref w, 0);
        if (start < 0)
            return;
        p1 = start;
        int r2 = AfterVowelConsonant(ref w, p1);
        if (r2 >= 0)
            p2 = r2;
    }

    // Position after the first non-vowel that follows a vowel, searching from 'from'; -1 when there is none.
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

    // A short syllable ending at 'end': non-vowel, vowel, non-vowel (the last not w, x or Y); or vowel, non-vowel at the start
    // of the word; or the letters "past" (so pasted/pasting restore paste).
    private static bool ShortSyllable(ref StemBuffer w, int end)
    {
        if (end >= 3 && IsVowel(w[end - 2]) && !IsVowel(w[end - 3]))
        {
            char c = w[end - 1];
            if (!IsVowel(c) && c != 'w' && c != 'x' && c != 'Y')
                return true;
        }
        if (end == 2 && IsVowel(w[0]) && !IsVowel(w[1]))
            return true;
        return w.EndsWithAt(end, "past");
    }

    private static void Step1a(ref StemBuffer w)
    {
        if (w.EndsWith("'s'"))
            w.Truncate(w.Length - 3);
        else if (w.EndsWith("'s"))
            w.Truncate(w.Length - 2);
        else if (w.EndsWith("'"))
            w.Truncate(w.Length - 1);

        int n = w.Length;
        if (w.EndsWith("sses"))
        {
            w.ReplaceEnd(n - 4, "ss");
        }
        else if (w.EndsWith("ied") || w.EndsWith("ies"))
        {
            // ties -> tie, cries -> cri: keep the e when only one letter precedes.
            w.ReplaceEnd(n - 3, n - 3 >= 2 ? "i" : "ie");
        }
        else if (w.EndsWith("us") || w.EndsWith("ss"))
        {
        }
        else if (w.EndsWith("s"))
        {
            // Delete if a vowel occurs before the letter preceding the s (gaps -> gap, but gas stays).
            if (n >= 2 && HasVowel(ref w, n - 2))
                w.Truncate(n - 1);
        }
    }

    private static void Step1b(ref StemBuffer w, int p1)
    {
        int n = w.Length;
        if (w.EndsWith("eedly") || w.EndsWith("eed"))
        {
            int start = w.EndsWith("eedly") ? n - 5 : n - 3;
            // proceed, exceed, succeed keep their stem.
            bool exception = (start == 4 && (w.EndsWithAt(4, "proc") || w.EndsWithAt(4, "succ")))
                || (start == 3 && w.EndsWithAt(3, "exc"));
            if (!exception && start >= p1)
                w.ReplaceEnd(start, "ee");
            return;
        }

        int suffix;
        if (w.EndsWith("ingly") || w.EndsWith("edly"))
        {
            suffix = w.EndsWith("ingly") ? 5 : 4;
        }
        else if (w.EndsWith("ed"))
        {
            suffix = 2;
        }
        else if (w.EndsWith("ing"))
        {
            int start = n - 3;
            // dying -> die, lying -> lie, tying -> tie, vying -> vie.
            if (start == 2 && w[1] == 'y' && !IsVowel(w[0]))
            {
                w.ReplaceEnd(1, "ie");
                return;
            }
            // inning, outing, canning, herring, earring, evening are not -ing forms of a shorter word.
            if (w.EndsWithAt(start, "inn") && start == 3 || w.EndsWithAt(start, "out") && start == 3
                || w.EndsWithAt(start, "cann") && start == 4 || w.EndsWithAt(start, "herr") && start == 4
                || w.EndsWithAt(start, "earr") && start == 4 || w.EndsWithAt(start, "even") && start == 4)
            {
                return;
            }
            suffix = 3;
        }
        else
        {
            return;
        }

        int stemEnd = n - suffix;
        if (!HasVowel(ref w, stemEnd))
            return;
        w.Truncate(stemEnd);

        if (w.EndsWith("at") || w.EndsWith("bl") || w.EndsWith("iz"))
        {
            w.ReplaceEnd(w.Length, "e");
        }
        else if (EndsWithUndoubledPair(ref w))
        {
            // Keep add/egg/off distinct from ad/eg/of: no undoubling after a single initial a, e or o.
            if (!(w.Length == 3 && w[0] is 'a' or 'e' or 'o'))
                w.Truncate(w.Length - 1);
        }
        else if (w.Length == p1 && ShortSyllable(ref w, w.Length))
        {
            w.ReplaceEnd(w.Length, "e");
        }
    }

    private static bool EndsWithUndoubledPair(ref StemBuffer w)
    {
        int n = w.Length;
        if (n < 2 || w[n - 1] != w[n - 2])
            return false;
        return w[n - 1] is 'b' or 'd' or 'f' or 'g' or 'm' or 'n' or 'p' or 'r' or 't';
    }

    private static void Step1c(ref StemBuffer w)
    {
        int n = w.Length;
        if (n >= 3 && (w[n - 1] == 'y' || w[n - 1] == 'Y') && !IsVowel(w[n - 2]))
            w[n - 1] = 'i';
    }

    private static void Step2(ref StemBuffer w, int p1)
    {
        int action = s_step2.Find(w.Text, out int length);
        int start = w.Length - length;
        if (action == 0 || start < p1)
            return;
        switch (action)
        {
            case 1: w.ReplaceEnd(start, "tion"); break;
            case 2: w.ReplaceEnd(start, "ence"); break;
            case 3: w.ReplaceEnd(start, "ance"); break;
            case 4: w.ReplaceEnd(start, "able"); break;
            case 5: w.ReplaceEnd(start, "ent"); break;
            case 6: w.ReplaceEnd(start, "ize"); break;
            case 7: w.ReplaceEnd(start, "ate"); break;
            case 8: w.ReplaceEnd(start, "al"); break;
            case 9: w.ReplaceEnd(start, "ful"); break;
            case 10: w.ReplaceEnd(start, "ous"); break;
            case 11: w.ReplaceEnd(start, "ive"); break;
            case 12: w.ReplaceEnd(start, "ble"); break;
            case 13: w.ReplaceEnd(start, "og"); break;
            case 14:
                if (start > 0 && w[start - 1] == 'l')
                    w.ReplaceEnd(start, "og");
                break;
            case 15: w.ReplaceEnd(start, "ful"); break;
            case 16: w.ReplaceEnd(start, "less"); break;
            case 17:
                if (start > 0 && w[start - 1] is 'c' or 'd' or 'e' or 'g' or 'h' or 'k' or 'm' or 'n' or 'r' or 't')
                    w.Truncate(start);
                break;
        }
    }

    private static void Step3(ref StemBuffer w, int p1, int p2)
    {
        int action = s_step3.Find(w.Text, out int length);
        int start = w.Length - length;
        if (action == 0 || start < p1)
            return;
        switch (action)
        {
            case 1: w.ReplaceEnd(start, "tion"); break;
            case 2: w.ReplaceEnd(start, "ate"); break;
            case 3: w.ReplaceEnd(start, "al"); break;
            case 4: w.ReplaceEnd(start, "ic"); break;
            case 5: w.Truncate(start); break;
            case 6:
                if (start >= p2)
                    w.Truncate(start);
                break;
        }
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
        if (n == 0)
            return;
        int start = n - 1;
        if (w[start] == 'e')
        {
            if (start >= p2 || (start >= p1 && !ShortSyllable(ref w, start)))
                w.Truncate(start);
        }
        else if (w[start] == 'l')
        {
            if (start >= p2 && start > 0 && w[start - 1] == 'l')
                w.Truncate(start);
        }
    }
}
