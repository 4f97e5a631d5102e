namespace Microsoft.ML.Recurrent.Text.Stemming.Snowball;

/// <summary>
/// Snowball's Swedish stemmer (snowballstem.org/algorithms/swedish/stemmer.html) in its Snowball 3 form: -et/-ets
/// removed under a condition that protects words where -et is not an ending, and -öst → -ös after i, k, l, n, p, r, t,
/// u or v.
/// </summary>
internal sealed class SwedishStemmer : Stemmer
{
    private static readonly SuffixTable s_main = BuildMainTable();

    // Endings before which -et belongs to the stem (frihet, societet, alfabet, kontinuitet, raket, paket ...).
    private static readonly SuffixTable s_etKeep = SuffixTable.Of(1,
        "h", "iet", "uit", "fab", "cit", "dit", "alit", "ilit", "mit", "nit", "pit", "rit", "sit", "tit", "ivit", "kvit",
        "xit", "kom", "rak", "pak", "stak");

    private static readonly SuffixTable s_other = new(("lig", 1), ("ig", 1), ("els", 1), ("öst", 2), ("fullt", 3));

    public override StemmerLanguage Language => StemmerLanguage.Swedish;

    private protected override void StemCore(ref StemBuffer w)
    {
        Regions.Germanic<Vowels>(w.Text, out int p1, out _);
        MainSuffix(ref w, p1);
        ConsonantPair(ref w, p1);
        OtherSuffix(ref w, p1);
    }

    private readonly struct Vowels : IVowels
    {
        public static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'ä' or 'å' or 'ö';
    }

    private static SuffixTable BuildMainTable()
    {
        var entries = new List<(string, int)>();
        foreach (string s in new[]
        {
            "a", "arna", "erna", "heterna", "orna", "ad", "e", "ade", "ande", "arne", "are", "aste", "en", "anden", "aren",
            "heten", "ern", "ar", "er", "heter", "or", "as", "arnas", "ernas", "ornas", "es", "ades", "andes", "ens",
            "arens", "hetens", "erns", "at", "andet", "het", "ast",
        })
        {
            entries.Add((s, 1));
        }
        entries.Add(("s", 2));
        entries.Add(("et", 3));
        return new SuffixTable(entries.ToArray());
    }

    // The text before 'end' is non-vowel + vowel + something, and does not end with a protected ending.
    private static bool EtCondition(ref StemBuffer w, int end)
    {
        if (end < 3 || Vowels.IsVowel(w[end - 1]) || !Vowels.IsVowel(w[end - 2]))
            return false;
        return s_etKeep.Find(w.Text[..end], out _) == 0;
    }

    private static bool IsSEnding(char c) =>
        c is 'b' or 'c' or 'd' or 'f' or 'g' or 'h' or 'j' or 'k' or 'l' or 'm' or 'n' or 'o' or 'p' or 'r' or 't' or 'v' or 'y';

    private static void MainSuffix(ref StemBuffer w, int p1)
    {
        if (p1 >= w.Length)
            return;
        int action = s_main.Find(w.Text[p1..], out int length);
        int start = w.Length - length;
        switch (action)
        {
            case 1:
                w.Truncate(start);
                break;
            case 2:
                if (w.EndsWithAt(start, "et") && EtCondition(ref w, start - 2))
                    w.Truncate(start - 2);
                else if (start > 0 && IsSEnding(w[start - 1]))
                    w.Truncate(start);
                break;
            case 3:
                if (EtCondition(ref w, start))
                    w.Truncate(start);
                break;
        }
    }

    private static void ConsonantPair(ref StemBuffer w, int p1)
    {
        int n = w.Length;
        if (n - 2 < p1)
            return;
        if (w.EndsWith("dd") || w.EndsWith("gd") || w.EndsWith("nn") || w.EndsWith("dt") || w.EndsWith("gt") || w.EndsWith("kt") || w.EndsWith("tt"))
            w.Truncate(n - 1);
    }

    private static void OtherSuffix(ref StemBuffer w, int p1)
    {
        if (p1 >= w.Length)
            return;
        int action = s_other.Find(w.Text[p1..], out int length);
        int start = w.Length - length;
        switch (action)
        {
            case 1:
                w.Truncate(start);
                break;
            case 2:
                if (start > 0 && w[start - 1] is 'i' or 'k' or 'l' or 'n' or 'p' or 'r' or 't' or 'u' or 'v')
                    w.ReplaceEnd(start, "ös");
                break;
            case 3:
                w.ReplaceEnd(start, "full");
                break;
        }
    }
}
