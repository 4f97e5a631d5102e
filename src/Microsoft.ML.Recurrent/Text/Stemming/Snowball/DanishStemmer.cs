namespace Microsoft.ML.Recurrent.Text.Stemming.Snowball;

/// <summary>Snowball's Danish stemmer (snowballstem.org/algorithms/danish/stemmer.html).</summary>
internal sealed class DanishStemmer : Stemmer
{
    private static readonly SuffixTable s_main = BuildMainTable();
    private static readonly SuffixTable s_other = new(("ig", 1), ("lig", 1), ("elig", 1), ("els", 1), ("løst", 2));

    public override StemmerLanguage Language => StemmerLanguage.Danish;

    private protected override void StemCore(ref StemBuffer w)
    {
        Regions.Germanic<Vowels>(w.Text, out int p1, out _);
        MainSuffix(ref w, p1);
        ConsonantPair(ref w, p1);
        OtherSuffix(ref w, p1);
        Undouble(ref w, p1);
    }

    private readonly struct Vowels : IVowels
    {
        public static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'æ' or 'å' or 'ø';
    }

    private static SuffixTable BuildMainTable()
    {
        var entries = new List<(string, int)>();
        foreach (string s in new[]
        {
            "hed", "ethed", "ered", "e", "erede", "ende", "erende", "ene", "erne", "ere", "en", "heden", "eren", "er",
            "heder", "erer", "heds", "es", "endes", "erendes", "enes", "ernes", "eres", "ens", "hedens", "erens", "ers",
            "ets", "erets", "et", "eret",
        })
        {
            entries.Add((s, 1));
        }
        entries.Add(("s", 2));
        return new SuffixTable(entries.ToArray());
    }

    private static bool IsConsonant(char c) =>
        c is 'b' or 'c' or 'd' or 'f' or 'g' or 'h' or 'j' or 'k' or 'l' or 'm' or 'n' or 'p' or 'q' or 'r' or 's' or 't'
            or 'v' or 'w' or 'x' or 'z';

    private static void MainSuffix(ref StemBuffer w, int p1)
    {
        if (p1 >= w.Length)
            return;
        int action = s_main.Find(w.Text[p1..], out int length);
        int start = w.Length - length;
        if (action == 1)
        {
            w.Truncate(start);
        }
        else if (action == 2 && start > 0 && w[start - 1] is 'a' or 'b' or 'c' or 'd' or 'f' or 'g' or 'h' or 'j' or 'k'
            or 'l' or 'm' or 'n' or 'o' or 'p' or 'r' or 't' or 'v' or 'y' or 'z' or 'å')
        {
            w.Truncate(start);
        }
    }

    // -gd, -dt, -gt, -kt in R1 lose their last letter.
    private static void ConsonantPair(ref StemBuffer w, int p1)
    {
        int n = w.Length;
        if (n - 2 >= p1 && (w.EndsWith("gd") || w.EndsWith("dt") || w.EndsWith("gt") || w.EndsWith("kt")))
            w.Truncate(n - 1);
    }

    private static void OtherSuffix(ref StemBuffer w, int p1)
    {
        if (w.EndsWith("igst"))
            w.Truncate(w.Length - 2);
        if (p1 >= w.Length)
            return;
        int action = s_other.Find(w.Text[p1..], out int length);
        int start = w.Length - length;
        if (action == 1)
        {
            w.Truncate(start);
            ConsonantPair(ref w, p1);
        }
        else if (action == 2)
        {
            w.ReplaceEnd(start, "løs");
        }
    }

    // A final consonant in R1 that repeats the letter before it is dropped.
    private static void Undouble(ref StemBuffer w, int p1)
    {
        int n = w.Length;
        if (n >= 2 && n - 1 >= p1 && IsConsonant(w[n - 1]) && w[n - 2] == w[n - 1])
            w.Truncate(n - 1);
    }
}
