namespace Microsoft.ML.Recurrent.Text.Stemming.Snowball;

/// <summary>
/// The regions Snowball algorithms restrict suffix removal to (snowballstem.org/texts/r1r2.html and the Romance
/// languages' RV): positions in the word, the region being everything from that position to the end.
/// </summary>
internal static class Regions
{
    /// <summary>
    /// Position just after the first non-vowel that follows a vowel, searching from <paramref name="from"/>; -1 when
    /// there is none (the region is then empty).
    /// </summary>
    public static int AfterVowelConsonant<TVowels>(ReadOnlySpan<char> word, int from)
        where TVowels : IVowels
    {
        int i = from;
        while (i < word.Length && !TVowels.IsVowel(word[i]))
            i++;
        if (i >= word.Length)
            return -1;
        i++;
        while (i < word.Length && TVowels.IsVowel(word[i]))
            i++;
        return i >= word.Length ? -1 : i + 1;
    }

    /// <summary>Standard R1 and R2; each is the word length when empty.</summary>
    public static void Standard<TVowels>(ReadOnlySpan<char> word, out int p1, out int p2)
        where TVowels : IVowels
    {
        p1 = p2 = word.Length;
        int r1 = AfterVowelConsonant<TVowels>(word, 0);
        if (r1 < 0)
            return;
        p1 = r1;
        int r2 = AfterVowelConsonant<TVowels>(word, r1);
        if (r2 >= 0)
            p2 = r2;
    }

    /// <summary>
    /// R1 and R2 for the Germanic algorithms: R1 is moved right so that at least 3 letters precede it, while R2 is
    /// still found from the unadjusted R1. A word shorter than 3 letters has empty regions.
    /// </summary>
    public static void Germanic<TVowels>(ReadOnlySpan<char> word, out int p1, out int p2)
        where TVowels : IVowels
    {
        p1 = p2 = word.Length;
        if (word.Length < 3)
            return;
        int r1 = AfterVowelConsonant<TVowels>(word, 0);
        if (r1 < 0)
            return;
        p1 = Math.Max(r1, 3);
        int r2 = AfterVowelConsonant<TVowels>(word, r1);
        if (r2 >= 0)
            p2 = r2;
    }

    /// <summary>
    /// RV of the Spanish, Portuguese and Italian algorithms: if the second letter is a consonant, RV starts after the
    /// next vowel; if the first two letters are vowels, after the next consonant; otherwise (consonant-vowel) after the
    /// third letter. The word length when none applies.
    /// </summary>
    public static int RomanceRv<TVowels>(ReadOnlySpan<char> word)
        where TVowels : IVowels
    {
        int n = word.Length;
        if (n < 2)
            return n;
        if (TVowels.IsVowel(word[0]))
        {
            if (!TVowels.IsVowel(word[1]))
            {
                int i = NextIndex<TVowels>(word, 2, vowel: true);
                if (i >= 0)
                    return i + 1;
            }
            else
            {
                int i = NextIndex<TVowels>(word, 2, vowel: false);
                if (i >= 0)
                    return i + 1;
            }
            return n;
        }
        if (!TVowels.IsVowel(word[1]))
        {
            int i = NextIndex<TVowels>(word, 2, vowel: true);
            return i >= 0 ? i + 1 : n;
        }
        return n >= 3 ? 3 : n;
    }

    private static int NextIndex<TVowels>(ReadOnlySpan<char> word, int from, bool vowel)
        where TVowels : IVowels
    {
        for (int i = from; i < word.Length; i++)
        {
            if (TVowels.IsVowel(word[i]) == vowel)
                return i;
        }
        return -1;
    }
}
