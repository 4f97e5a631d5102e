namespace Microsoft.ML.Recurrent.Text.Stemming.Snowball;

/// <summary>
/// Snowball's Norwegian (Bokmål) stemmer (snowballstem.org/algorithms/norwegian/stemmer.html) in its Snowball 3
/// form: ê, ò, ó, ô count as vowels and -ers is removed only where it is an ending.
/// </summary>
internal sealed class NorwegianStemmer : Stemmer
{
    private static readonly SuffixTable s_main = BuildMainTable();

    // Before -ers: these keep it (kammers is not kamm + ers); giv/hav/skap and anything else lose it.
    private static readonly SuffixTable s_beforeErs = new(
        ("amm", 1), ("ast", 1), ("ind", 1), ("kap", 1), ("kk", 1), ("lt", 1), ("nk", 1), ("omm", 1), ("pp", 1), ("v", 1),
        ("øst", 1), ("giv", 2), ("hav", 2), ("skap", 2));

    private static readonly SuffixTable s_other = SuffixTable.Of(1,
        "leg", "eleg", "ig", "eig", "lig", "elig", "els", "lov", "elov", "slov", "hetslov");

    public override StemmerLanguage Language => StemmerLanguage.Norwegian;

    private protected override void StemCore(ref StemBuffer w)
    {
        Regions.Germanic<Vowels>(w.Text, out int p1, out _);
        MainSuffix(ref w, p1);

        int n = w.Length;
        if (n - 2 >= p1 && (w.EndsWith("dt") || w.EndsWith("vt")))
            w.Truncate(n - 1);

        if (p1 < w.Length && s_other.Find(w.Text[p1..], out int length) != 0)
            w.Truncate(w.Length - length);
    }

    private readonly struct Vowels : IVowels
    {
        public static bool IsVowel(char c) =>
            c is 'a' or 'e' or 'ê' or 'i' or 'o' or 'ò' or 'ó' or 'ô' or 'u' or 'y' or 'æ' or 'å' or 'ø';
    }

    private static SuffixTable BuildMainTable()
    {
        var entries = new List<(string, int)>();
        foreach (string s in new[]
        {
            "a", "e", "ede", "ande", "ende", "ane", "ene", "hetene", "en", "heten", "ar", "er", "heter", "as", "es",
            "edes", "endes", "enes", "hetenes", "ens", "hetens", "ets", "et", "het", "ast",
        })
        {
            entries.Add((s, 1));
        }
        entries.Add(("ers", 2));
        entries.Add(("s", 3));
        entries.Add(("erte", 4));
        entries.Add(("ert", 4));
        return new SuffixTable(entries.ToArray());
    }

    private static bool IsSEnding(char c) =>
        c is 'b' or 'c' or 'd' or 'f' or 'g' or 'h' or 'j' or 'l' or 'm' or 'n' or 'o' or 'p' or 't' or 'v' or 'y' or 'z';

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
                if (s_beforeErs.Find(w.Text[..start], out _) != 1)
                    w.Truncate(start);
                break;
            case 3:
                if (start > 0)
                {
                    char before = w[start - 1];
                    bool remove = IsSEnding(before)
                        || (before == 'r' && (start < 2 || w[start - 2] != 'e'))
                        || (before == 'k' && start >= 2 && !Vowels.IsVowel(w[start - 2]));
                    if (remove)
                        w.Truncate(start);
                }
                break;
            case 4:
                w.ReplaceEnd(start, "er");
                break;
        }
    }
}
