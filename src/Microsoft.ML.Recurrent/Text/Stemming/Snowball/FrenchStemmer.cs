namespace Microsoft.ML.Recurrent.Text.Stemming.Snowball;

/// <summary>
/// Snowball's French stemmer (snowballstem.org/algorithms/french/stemmer.html) in its Snowball 3 form: elisions
/// (l', qu', …) removed first, -aise(s) removed, -oux → -ou, and the mauvais/palais/niais exceptions.
/// </summary>
/// <remarks>
/// While stemming, u/i/y acting as consonants are upper-case, and ë/ï are written "He"/"Hi" so that the diaeresis
/// survives suffix removal; the postlude restores them.
/// </remarks>
internal sealed class FrenchStemmer : Stemmer
{
    private static readonly SuffixTable s_standard = new(
        ("ance", 1), ("iqUe", 1), ("isme", 1), ("able", 1), ("iste", 1), ("eux", 1),
        ("ances", 1), ("iqUes", 1), ("ismes", 1), ("ables", 1), ("istes", 1),
        ("atrice", 2), ("ateur", 2), ("ation", 2), ("atrices", 2), ("ateurs", 2), ("ations", 2),
        ("logie", 3), ("logies", 3),
        ("usion", 4), ("ution", 4), ("usions", 4), ("utions", 4),
        ("ence", 5), ("ences", 5),
        ("ement", 6), ("ements", 6),
        ("ité", 7), ("ités", 7),
        ("if", 8), ("ive", 8), ("ifs", 8), ("ives", 8),
        ("eaux", 9),
        ("aux", 10),
        ("oux", 11),
        ("euse", 12), ("euses", 12),
        ("issement", 13), ("issements", 13),
        ("amment", 14),
        ("emment", 15),
        ("ment", 16), ("ments", 16));

    private static readonly SuffixTable s_afterEment = new(("iv", 1), ("eus", 2), ("abl", 3), ("iqU", 3), ("ièr", 4), ("Ièr", 4));
    private static readonly SuffixTable s_afterIte = new(("abil", 1), ("ic", 2), ("iv", 3));

    private static readonly SuffixTable s_iVerb = SuffixTable.Of(1,
        "îmes", "ît", "îtes", "i", "ie", "ies", "ir", "ira", "irai", "iraIent", "irais", "irait", "iras", "irent",
        "irez", "iriez", "irions", "irons", "iront", "is", "issaIent", "issais", "issait", "issant", "issante",
        "issantes", "issants", "isse", "issent", "isses", "issez", "issiez", "issions", "issons", "it");

    private static readonly SuffixTable s_verb = BuildVerbTable();

    private static readonly SuffixTable s_residual = new(("ion", 1), ("ier", 2), ("ière", 2), ("Ier", 2), ("Ière", 2), ("e", 3));

    public override StemmerLanguage Language => StemmerLanguage.French;

    private protected override void StemCore(ref StemBuffer w)
    {
        RemoveElision(ref w);
        Prelude(ref w);
        int pV = MarkRv(ref w);
        Regions.Standard<Vowels>(w.Text, out int p1, out int p2);

        if (StandardSuffix(ref w, pV, p1, p2) || IVerbSuffix(ref w, pV) || VerbSuffix(ref w, pV, p2))
        {
            int n = w.Length;
            if (n > 0 && w[n - 1] == 'Y')
                w[n - 1] = 'i';
            else if (n > 0 && w[n - 1] == 'ç')
                w[n - 1] = 'c';
        }
        else
        {
            ResidualSuffix(ref w, pV, p2);
        }
        UnDouble(ref w);
        UnAccent(ref w);
        Postlude(ref w);
    }

    private readonly struct Vowels : IVowels
    {
        public static bool IsVowel(char c) =>
            c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'â' or 'à' or 'ë' or 'é' or 'ê' or 'è' or 'ï' or 'î' or 'ô' or 'û' or 'ù';
    }

    private static bool IsVowel(char c) => Vowels.IsVowel(c);

    private static SuffixTable BuildVerbTable()
    {
        var entries = new List<(string, int)> { ("ions", 1) };
        foreach (string s in new[]
        {
            "é", "ée", "ées", "és", "èrent", "er", "era", "erai", "eraIent", "erais", "erait", "eras", "erez", "eriez",
            "erions", "erons", "eront", "ez", "iez",
        })
        {
            entries.Add((s, 2));
        }
        foreach (string s in new[]
        {
            "âmes", "ât", "âtes", "a", "ai", "aIent", "ait", "ant", "ante", "antes", "ants", "as", "asse", "assent",
            "asses", "assiez", "assions",
        })
        {
            entries.Add((s, 3));
        }
        entries.Add(("ais", 4));
        entries.Add(("aise", 4));
        entries.Add(("aises", 4));
        entries.Add(("eais", 5));
        return new SuffixTable(entries.ToArray());
    }

    // l'avion -> avion, qu'il -> il: one elided article or pronoun at the start, if something follows it.
    private static void RemoveElision(ref StemBuffer w)
    {
        int length = 0;
        if (w.Length >= 2 && w[1] == '\'' && w[0] is 'c' or 'd' or 'j' or 'l' or 'm' or 'n' or 's' or 't')
            length = 2;
        else if (w.StartsWith("qu'"))
            length = 3;
        if (length > 0 && w.Length > length)
            w.Delete(0, length);
    }

    // Marks u/i/y that act as consonants (U, I, Y) and writes ë/ï as He/Hi, scanning left to right and trying the
    // rules again at the same position after each change, as Snowball's "repeat goto" does. The word is rewritten in
    // one pass because He/Hi make it longer.
    private static void Prelude(ref StemBuffer w)
    {
        Span<char> input = w.BeginRewrite();
        int r = 0;
        while (r < input.Length)
        {
            char c = input[r];
            bool hasNext = r + 1 < input.Length;
            if (IsVowel(c) && hasNext)
            {
                char next = input[r + 1];
                bool afterNextIsVowel = r + 2 < input.Length && IsVowel(input[r + 2]);
                if (next == 'u' && afterNextIsVowel)
                {
                    input[r + 1] = 'U';
                    continue;
                }
                if (next == 'i' && afterNextIsVowel)
                {
                    input[r + 1] = 'I';
                    continue;
                }
                if (next == 'y')
                {
                    input[r + 1] = 'Y';
                    continue;
                }
            }
            if (c is 'ë' or 'ï')
            {
                // The H takes this position; the plain vowel is examined next, like the letter after it would be.
                w.Append('H');
                input[r] = c == 'ë' ? 'e' : 'i';
                continue;
            }
            if (c == 'y' && hasNext && IsVowel(input[r + 1]))
            {
                input[r] = 'Y';
                continue;
            }
            if (c == 'q' && hasNext && input[r + 1] == 'u')
            {
                input[r + 1] = 'U';
                continue;
            }
            w.Append(c);
            r++;
        }
    }

    private static int MarkRv(ref StemBuffer w)
    {
        int n = w.Length;
        if (n >= 3 && IsVowel(w[0]) && IsVowel(w[1]))
            return 3;
        // paris/parie/pari, colis, tapis; niais/nierais/nié keep "ni" + vowel out of RV.
        if (w.StartsWith("par") || w.StartsWith("col") || w.StartsWith("tap"))
            return 3;
        if (n >= 3 && w[0] == 'n' && w[1] == 'i' && IsVowel(w[2]))
            return 3;
        for (int i = 1; i < n; i++)
        {
            if (IsVowel(w[i]))
                return i + 1;
        }
        return n;
    }

    private static bool StandardSuffix(ref StemBuffer w, int pV, int p1, int p2)
    {
        int action = s_standard.Find(w.Text, out int length);
        int start = w.Length - length;
        switch (action)
        {
            case 1:
                if (start < p2)
                    return false;
                w.Truncate(start);
                return true;
            case 2:
                if (start < p2)
                    return false;
                w.Truncate(start);
                if (w.EndsWith("ic"))
                {
                    if (w.Length - 2 >= p2)
                        w.Truncate(w.Length - 2);
                    else
                        w.ReplaceEnd(w.Length - 2, "iqU");
                }
                return true;
            case 3:
                if (start < p2)
                    return false;
                w.ReplaceEnd(start, "log");
                return true;
            case 4:
                if (start < p2)
                    return false;
                w.ReplaceEnd(start, "u");
                return true;
            case 5:
                if (start < p2)
                    return false;
                w.ReplaceEnd(start, "ent");
                return true;
            case 6:
                if (start < pV)
                    return false;
                w.Truncate(start);
                AfterEment(ref w, pV, p1, p2);
                return true;
            case 7:
                if (start < p2)
                    return false;
                w.Truncate(start);
                AfterIte(ref w, p2);
                return true;
            case 8:
                if (start < p2)
                    return false;
                w.Truncate(start);
                if (w.EndsWith("at") && w.Length - 2 >= p2)
                {
                    w.Truncate(w.Length - 2);
                    if (w.EndsWith("ic"))
                    {
                        if (w.Length - 2 >= p2)
                            w.Truncate(w.Length - 2);
                        else
                            w.ReplaceEnd(w.Length - 2, "iqU");
                    }
                }
                return true;
            case 9:
                w.ReplaceEnd(start, "eau");
                return true;
            case 10:
                if (start < p1)
                    return false;
                w.ReplaceEnd(start, "al");
                return true;
            case 11:
                if (start == 0 || w[start - 1] is not ('b' or 'h' or 'j' or 'l' or 'n' or 'p'))
                    return false;
                w.ReplaceEnd(start, "ou");
                return true;
            case 12:
                if (start >= p2)
                    w.Truncate(start);
                else if (start >= p1)
                    w.ReplaceEnd(start, "eux");
                else
                    return false;
                return true;
            case 13:
                if (start < p1 || start == 0 || IsVowel(w[start - 1]))
                    return false;
                w.Truncate(start);
                return true;
            case 14:
                // -amment -> -ant, then fall through to the verb suffixes (the standard step "fails").
                if (start >= pV)
                    w.ReplaceEnd(start, "ant");
                return false;
            case 15:
                if (start >= pV)
                    w.ReplaceEnd(start, "ent");
                return false;
            case 16:
                // -ment after a vowel in RV is removed, again followed by the verb suffixes.
                if (start >= 1 && IsVowel(w[start - 1]) && start - 1 >= pV)
                    w.Truncate(start);
                return false;
            default:
                return false;
        }
    }

    private static void AfterEment(ref StemBuffer w, int pV, int p1, int p2)
    {
        int action = s_afterEment.Find(w.Text, out int length);
        int start = w.Length - length;
        switch (action)
        {
            case 1:
                if (start >= p2)
                {
                    w.Truncate(start);
                    if (w.EndsWith("at") && w.Length - 2 >= p2)
                        w.Truncate(w.Length - 2);
                }
                break;
            case 2:
                if (start >= p2)
                    w.Truncate(start);
                else if (start >= p1)
                    w.ReplaceEnd(start, "eux");
                break;
            case 3:
                if (start >= p2)
                    w.Truncate(start);
                break;
            case 4:
                if (start >= pV)
                    w.ReplaceEnd(start, "i");
                break;
        }
    }

    private static void AfterIte(ref StemBuffer w, int p2)
    {
        int action = s_afterIte.Find(w.Text, out int length);
        int start = w.Length - length;
        switch (action)
        {
            case 1:
                if (start >= p2)
                    w.Truncate(start);
                else
                    w.ReplaceEnd(start, "abl");
                break;
            case 2:
                if (start >= p2)
                    w.Truncate(start);
                else
                    w.ReplaceEnd(start, "iqU");
                break;
            case 3:
                if (start >= p2)
                    w.Truncate(start);
                break;
        }
    }

    // Verb endings of -ir verbs, inside RV, after a non-vowel that is also in RV and is not the H of ë/ï.
    private static bool IVerbSuffix(ref StemBuffer w, int pV)
    {
        if (pV >= w.Length || s_iVerb.Find(w.Text[pV..], out int length) == 0)
            return false;
        int start = w.Length - length;
        if (start - 1 < pV || w[start - 1] == 'H' || IsVowel(w[start - 1]))
            return false;
        w.Truncate(start);
        return true;
    }

    private static bool VerbSuffix(ref StemBuffer w, int pV, int p2)
    {
        if (pV >= w.Length)
            return false;
        int action = s_verb.Find(w.Text[pV..], out int length);
        int start = w.Length - length;
        switch (action)
        {
            case 1:
                if (start < p2)
                    return false;
                w.Truncate(start);
                return true;
            case 2:
            case 5:
                w.Truncate(start);
                return true;
            case 3:
                // A preceding e goes too when it is in RV.
                if (start >= 1 && w[start - 1] == 'e' && start - 1 >= pV)
                    start--;
                w.Truncate(start);
                return true;
            case 4:
                // mauvais, déplais, and palais/balais/malais (one letter + "al") keep their -ais.
                if (w.EndsWithAt(start, "auv") || w.EndsWithAt(start, "épl") || (start == 3 && w.EndsWithAt(start, "al")))
                    return false;
                w.Truncate(start);
                return true;
            default:
                return false;
        }
    }

    private static void ResidualSuffix(ref StemBuffer w, int pV, int p2)
    {
        int n = w.Length;
        if (n >= 2 && w[n - 1] == 's')
        {
            char before = w[n - 2];
            bool afterHi = n >= 3 && before == 'i' && w[n - 3] == 'H';
            if (afterHi || before is not ('a' or 'i' or 'o' or 'u' or 'è' or 's'))
                w.Truncate(n - 1);
        }
        if (pV >= w.Length)
            return;
        int action = s_residual.Find(w.Text[pV..], out int length);
        int start = w.Length - length;
        switch (action)
        {
            case 1:
                if (start >= p2 && start - 1 >= pV && w[start - 1] is 's' or 't')
                    w.Truncate(start);
                break;
            case 2:
                w.ReplaceEnd(start, "i");
                break;
            case 3:
                w.Truncate(start);
                break;
        }
    }

    private static void UnDouble(ref StemBuffer w)
    {
        if (w.EndsWith("enn") || w.EndsWith("onn") || w.EndsWith("ett") || w.EndsWith("ell") || w.EndsWith("eill"))
            w.Truncate(w.Length - 1);
    }

    // An é or è followed only by non-vowels (at least one) loses its accent: "complèt" -> "complet".
    private static void UnAccent(ref StemBuffer w)
    {
        int i = w.Length - 1;
        while (i >= 0 && !IsVowel(w[i]))
            i--;
        if (i >= 0 && i < w.Length - 1 && w[i] is 'é' or 'è')
            w[i] = 'e';
    }

    // Lower-cases I, U, Y and turns He/Hi back into ë/ï (a lone H is dropped), in one in-place pass.
    private static void Postlude(ref StemBuffer w)
    {
        int write = 0;
        int n = w.Length;
        for (int read = 0; read < n; read++)
        {
            char c = w[read];
            switch (c)
            {
                case 'I': c = 'i'; break;
                case 'U': c = 'u'; break;
                case 'Y': c = 'y'; break;
                case 'H':
                    if (read + 1 < n && w[read + 1] == 'e')
                    {
                        c = 'ë';
                        read++;
                    }
                    else if (read + 1 < n && w[read + 1] == 'i')
                    {
                        c = 'ï';
                        read++;
                    }
                    else
                    {
                        continue;
                    }
                    break;
            }
            w[write++] = c;
        }
        w.Truncate(write);
    }
}
