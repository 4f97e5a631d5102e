namespace Microsoft.ML.Recurrent.Text.Stemming.Snowball;

/// <summary>
/// Snowball's German stemmer (snowballstem.org/algorithms/german/stemmer.html) in its Snowball 3 form: umlauts
/// spelled ae/oe/ue are normalised (the former "german2" variant), -erin/-erinnen and -ln/-lns are handled, -em is kept
/// after "syst", and -et is removed where that is safe.
/// </summary>
internal sealed class GermanStemmer : Stemmer
{
    private static readonly SuffixTable s_step1 = new(
        ("em", 1), ("ern", 2), ("er", 2), ("erin", 2), ("erinnen", 2), ("e", 3), ("en", 3), ("es", 3), ("s", 4),
        ("ln", 5), ("lns", 5));

    private static readonly SuffixTable s_step2 = new(("en", 1), ("er", 1), ("est", 1), ("st", 2), ("et", 3));

    // Words where -et is part of the stem rather than an ending (Ticket, Planet, geordnet, Internet, Tritt...).
    private static readonly SuffixTable s_etKeep = SuffixTable.Of(1, "tick", "plan", "geordn", "intern", "tr");

    private static readonly SuffixTable s_step3 = new(
        ("end", 1), ("ung", 1), ("ig", 2), ("ik", 2), ("isch", 2), ("lich", 3), ("heit", 3), ("keit", 4));

    private static readonly SuffixTable s_afterKeit = SuffixTable.Of(1, "lich", "ig");

    public override StemmerLanguage Language => StemmerLanguage.German;

    private protected override void StemCore(ref StemBuffer w)
    {
        Prelude(ref w);
        Regions.Germanic<Vowels>(w.Text, out int p1, out int p2);
        Step1(ref w, p1);
        Step2(ref w, p1);
        Step3(ref w, p1, p2);

        for (int i = 0; i < w.Length; i++)
        {
            w[i] = w[i] switch
            {
                'Y' => 'y',
                'U' => 'u',
                'ä' => 'a',
                'ö' => 'o',
                'ü' => 'u',
                char c => c,
            };
        }
    }

    private readonly struct Vowels : IVowels
    {
        public static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'ä' or 'ö' or 'ü';
    }

    // u and y between vowels become consonants (U, Y); then ß -> ss and ae/oe/ue -> ä/ö/ü, except the ue of "qu".
    private static void Prelude(ref StemBuffer w)
    {
        for (int i = 1; i + 1 < w.Length; i++)
        {
            if ((w[i] == 'u' || w[i] == 'y') && Vowels.IsVowel(w[i - 1]) && Vowels.IsVowel(w[i + 1]))
                w[i] = w[i] == 'u' ? 'U' : 'Y';
        }

        // One left-to-right rewrite: ß lengthens the word, ae/oe/ue shorten it.
        Span<char> input = w.BeginRewrite();
        int j = 0;
        while (j < input.Length)
        {
            char c = input[j];
            char next = j + 1 < input.Length ? input[j + 1] : '\0';
            if (c == 'ß')
            {
                w.Append('s');
                w.Append('s');
                j++;
            }
            else if (c == 'q' && next == 'u')
            {
                w.Append('q');
                w.Append('u');
                j += 2;
            }
            else if (next == 'e' && c is 'a' or 'o' or 'u')
            {
                w.Append(c == 'a' ? 'ä' : c == 'o' ? 'ö' : 'ü');
                j += 2;
            }
            else
            {
                w.Append(c);
                j++;
            }
        }
    }

    private static bool IsSEnding(char c) => c is 'b' or 'd' or 'f' or 'g' or 'h' or 'k' or 'l' or 'm' or 'n' or 'r' or 't';

    private static void Step1(ref StemBuffer w, int p1)
    {
        int action = s_step1.Find(w.Text, out int length);
        int start = w.Length - length;
        if (action == 0 || start < p1)
            return;
        switch (action)
        {
            case 1:
                if (!w.EndsWithAt(start, "syst"))
                    w.Truncate(start);
                break;
            case 2:
                w.Truncate(start);
                break;
            case 3:
                w.Truncate(start);
                // bedürfnissen -> bedürfnis
                if (w.EndsWith("niss"))
                    w.Truncate(w.Length - 1);
                break;
            case 4:
                if (start > 0 && IsSEnding(w[start - 1]))
                    w.Truncate(start);
                break;
            case 5:
                w.ReplaceEnd(start, "l");
                break;
        }
    }

    private static void Step2(ref StemBuffer w, int p1)
    {
        int action = s_step2.Find(w.Text, out int length);
        int start = w.Length - length;
        if (action == 0 || start < p1)
            return;
        switch (action)
        {
            case 1:
                w.Truncate(start);
                break;
            case 2:
                // -st after a valid st-ending that has at least 3 letters before it.
                if (start >= 4 && IsSEnding(w[start - 1]) && w[start - 1] != 'r')
                    w.Truncate(start);
                break;
            case 3:
                if (start > 0 && w[start - 1] is 'd' or 'f' or 'g' or 'k' or 'l' or 'm' or 'n' or 'r' or 's' or 't' or 'U' or 'z' or 'ä'
                    && s_etKeep.Find(w.Text[..start], out _) == 0)
                {
                    w.Truncate(start);
                }
                break;
        }
    }

    private static void Step3(ref StemBuffer w, int p1, int p2)
    {
        int action = s_step3.Find(w.Text, out int length);
        int start = w.Length - length;
        if (action == 0 || start < p2)
            return;
        switch (action)
        {
            case 1:
                w.Truncate(start);
                if (w.EndsWith("ig") && w.Length - 2 >= p2 && !w.EndsWithAt(w.Length - 2, "e"))
                    w.Truncate(w.Length - 2);
                break;
            case 2:
                if (start == 0 || w[start - 1] != 'e')
                    w.Truncate(start);
                break;
            case 3:
                w.Truncate(start);
                if ((w.EndsWith("er") || w.EndsWith("en")) && w.Length - 2 >= p1)
                    w.Truncate(w.Length - 2);
                break;
            case 4:
                w.Truncate(start);
                if (s_afterKeit.Find(w.Text, out int kl) != 0 && w.Length - kl >= p2)
                    w.Truncate(w.Length - kl);
                break;
        }
    }
}
