namespace Microsoft.ML.Recurrent.Text.Stemming.Snowball;

/// <summary>
/// Martin Porter's Dutch stemmer as published in Snowball (snowballstem.org/algorithms/dutch_porter/stemmer.html;
/// Snowball 3 renamed it <c>dutch_porter</c> when it made Kraaij-Pohlmann its default Dutch stemmer).
/// </summary>
internal sealed class DutchStemmer : Stemmer
{
    private static readonly SuffixTable s_step1 = new(("heden", 1), ("en", 2), ("ene", 2), ("s", 3), ("se", 3));
    private static readonly SuffixTable s_step3b = new(("end", 1), ("ing", 1), ("ig", 2), ("lijk", 3), ("baar", 4), ("bar", 5));

    public override StemmerLanguage Language => StemmerLanguage.Dutch;

    private protected override void StemCore(ref StemBuffer w)
    {
        Prelude(ref w);
        Regions.Germanic<Vowels>(w.Text, out int p1, out int p2);

        Step1(ref w, p1);
        bool eFound = EEnding(ref w, p1);
        if (w.EndsWith("heid") && w.Length - 4 >= p2 && !w.EndsWithAt(w.Length - 4, "c"))
        {
            w.Truncate(w.Length - 4);
            if (w.EndsWith("en"))
                EnEnding(ref w, w.Length - 2, p1);
        }
        Step3b(ref w, p1, p2, eFound);
        UndoubleVowel(ref w);

        for (int i = 0; i < w.Length; i++)
        {
            if (w[i] == 'Y')
                w[i] = 'y';
            else if (w[i] == 'I')
                w[i] = 'i';
        }
    }

    private readonly struct Vowels : IVowels
    {
        public static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'è';
    }

    private static bool IsVowel(char c) => Vowels.IsVowel(c);

    // Accents go (except è); initial y, y after a vowel, and i between vowels become consonants (Y, I).
    private static void Prelude(ref StemBuffer w)
    {
        for (int i = 0; i < w.Length; i++)
        {
            w[i] = w[i] switch
            {
                'ä' or 'á' => 'a',
                'ë' or 'é' => 'e',
                'ï' or 'í' => 'i',
                'ö' or 'ó' => 'o',
                'ü' or 'ú' => 'u',
                char c => c,
            };
        }
        if (w.Length > 0 && w[0] == 'y')
            w[0] = 'Y';
        for (int i = 1; i < w.Length; i++)
        {
            if (!IsVowel(w[i - 1]))
                continue;
            if (w[i] == 'i' && i + 1 < w.Length && IsVowel(w[i + 1]))
                w[i] = 'I';
            else if (w[i] == 'y')
                w[i] = 'Y';
        }
    }

    private static void Undouble(ref StemBuffer w)
    {
        if (w.EndsWith("kk") || w.EndsWith("dd") || w.EndsWith("tt"))
            w.Truncate(w.Length - 1);
    }

    // -en/-ene removed in R1 after a non-vowel, except after "gem"; then undouble.
    private static bool EnEnding(ref StemBuffer w, int start, int p1)
    {
        if (start < p1 || start == 0 || IsVowel(w[start - 1]) || w.EndsWithAt(start, "gem"))
            return false;
        w.Truncate(start);
        Undouble(ref w);
        return true;
    }

    private static void Step1(ref StemBuffer w, int p1)
    {
        int action = s_step1.Find(w.Text, out int length);
        int start = w.Length - length;
        switch (action)
        {
            case 1:
                if (start >= p1)
                    w.ReplaceEnd(start, "heid");
                break;
            case 2:
                EnEnding(ref w, start, p1);
                break;
            case 3:
                if (start >= p1 && start > 0 && !IsVowel(w[start - 1]) && w[start - 1] != 'j')
                    w.Truncate(start);
                break;
        }
    }

    private static bool EEnding(ref StemBuffer w, int p1)
    {
        int n = w.Length;
        if (n < 2 || w[n - 1] != 'e' || n - 1 < p1 || IsVowel(w[n - 2]))
            return false;
        w.Truncate(n - 1);
        Undouble(ref w);
        return true;
    }

    private static void Step3b(ref StemBuffer w, int p1, int p2, bool eFound)
    {
        int action = s_step3b.Find(w.Text, out int length);
        int start = w.Length - length;
        if (action == 0 || start < p2)
            return;
        switch (action)
        {
            case 1:
                w.Truncate(start);
                if (w.EndsWith("ig") && w.Length - 2 >= p2 && !w.EndsWithAt(w.Length - 2, "e"))
                    w.Truncate(w.Length - 2);
                else
                    Undouble(ref w);
                break;
            case 2:
                if (start == 0 || w[start - 1] != 'e')
                    w.Truncate(start);
                break;
            case 3:
                w.Truncate(start);
                EEnding(ref w, p1);
                break;
            case 4:
                w.Truncate(start);
                break;
            case 5:
                if (eFound)
                    w.Truncate(start);
                break;
        }
    }

    // maan -> man: a doubled vowel between non-vowels is halved (the last letter must not be I).
    private static void UndoubleVowel(ref StemBuffer w)
    {
        int n = w.Length;
        if (n < 4)
            return;
        char last = w[n - 1];
        if (IsVowel(last) || last == 'I')
            return;
        char v = w[n - 2];
        if (w[n - 3] == v && v is 'a' or 'e' or 'o' or 'u' && !IsVowel(w[n - 4]))
            w.Delete(n - 2, n - 1);
    }
}
