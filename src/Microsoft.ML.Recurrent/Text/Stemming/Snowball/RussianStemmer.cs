namespace Microsoft.ML.Recurrent.Text.Stemming.Snowball;

/// <summary>
/// Snowball's Russian stemmer (snowballstem.org/algorithms/russian/stemmer.html). All suffix matching happens inside
/// RV (after the first vowel); <c>ё</c> is folded to <c>е</c> first, as Snowball now does for its callers.
/// </summary>
internal sealed class RussianStemmer : Stemmer
{
    private static readonly SuffixTable s_perfectiveGerund = new(
        ("в", 1), ("вши", 1), ("вшись", 1),
        ("ив", 2), ("ивши", 2), ("ившись", 2), ("ыв", 2), ("ывши", 2), ("ывшись", 2));

    private static readonly SuffixTable s_adjective = SuffixTable.Of(1,
        "ее", "ие", "ые", "ое", "ими", "ыми", "ей", "ий", "ый", "ой", "ем", "им", "ым", "ом", "его", "ого", "ему", "ому",
        "их", "ых", "ую", "юю", "ая", "яя", "ою", "ею");

    private static readonly SuffixTable s_participle = new(
        ("ем", 1), ("нн", 1), ("вш", 1), ("ющ", 1), ("щ", 1),
        ("ивш", 2), ("ывш", 2), ("ующ", 2));

    private static readonly SuffixTable s_reflexive = SuffixTable.Of(1, "ся", "сь");

    private static readonly SuffixTable s_verb = new(
        ("ла", 1), ("на", 1), ("ете", 1), ("йте", 1), ("ли", 1), ("й", 1), ("л", 1), ("ем", 1), ("н", 1), ("ло", 1),
        ("но", 1), ("ет", 1), ("ют", 1), ("ны", 1), ("ть", 1), ("ешь", 1), ("нно", 1),
        ("ила", 2), ("ыла", 2), ("ена", 2), ("ейте", 2), ("уйте", 2), ("ите", 2), ("или", 2), ("ыли", 2), ("ей", 2),
        ("уй", 2), ("ил", 2), ("ыл", 2), ("им", 2), ("ым", 2), ("ен", 2), ("ило", 2), ("ыло", 2), ("ено", 2),
        ("ят", 2), ("ует", 2), ("уют", 2), ("ит", 2), ("ыт", 2), ("ены", 2), ("ить", 2), ("ыть", 2), ("ишь", 2),
        ("ую", 2), ("ю", 2));

    private static readonly SuffixTable s_noun = SuffixTable.Of(1,
        "а", "ев", "ов", "ие", "ье", "е", "иями", "ями", "ами", "еи", "ии", "и", "ией", "ей", "ой", "ий", "й", "иям",
        "ям", "ием", "ем", "ам", "ом", "о", "у", "ах", "иях", "ях", "ы", "ь", "ию", "ью", "ю", "ия", "ья", "я");

    private static readonly SuffixTable s_derivational = SuffixTable.Of(1, "ост", "ость");

    private static readonly SuffixTable s_tidyUp = new(("ейш", 1), ("ейше", 1), ("н", 2), ("ь", 3));

    public override StemmerLanguage Language => StemmerLanguage.Russian;

    private protected override void StemCore(ref StemBuffer w)
    {
        for (int i = 0; i < w.Length; i++)
        {
            if (w[i] == 'ё')
                w[i] = 'е';
        }

        int pV = w.Length, p2 = w.Length;
        MarkRegions(w.Text, ref pV, ref p2);

        if (!PerfectiveGerund(ref w, pV))
        {
            RemoveIfFound(ref w, s_reflexive, pV);
            if (!Adjectival(ref w, pV) && !Verb(ref w, pV))
                RemoveIfFound(ref w, s_noun, pV);
        }

        if (w.Length > pV && w.Last == 'и')
            w.Truncate(w.Length - 1);

        if (s_derivational.Find(Rv(ref w, pV), out int length) != 0 && w.Length - length >= p2)
            w.Truncate(w.Length - length);

        TidyUp(ref w, pV);
    }

    private readonly struct Vowels : IVowels
    {
        public static bool IsVowel(char c) => c is 'а' or 'е' or 'и' or 'о' or 'у' or 'ы' or 'э' or 'ю' or 'я';
    }

    // RV starts after the first vowel; R2 is the standard R2 (R1 is found from RV, which gives the same position).
    private static void MarkRegions(ReadOnlySpan<char> word, ref int pV, ref int p2)
    {
        int i = 0;
        while (i < word.Length && !Vowels.IsVowel(word[i]))
            i++;
        if (i == word.Length)
            return;
        pV = i + 1;
        i = pV;
        while (i < word.Length && Vowels.IsVowel(word[i]))
            i++;
        if (i == word.Length)
            return;
        int r2 = Regions.AfterVowelConsonant<Vowels>(word, i + 1);
        if (r2 >= 0)
            p2 = r2;
    }

    private static ReadOnlySpan<char> Rv(ref StemBuffer w, int pV) => pV < w.Length ? w.Text[pV..] : default;

    private static bool PrecededByAOrYa(ref StemBuffer w, int start, int pV) =>
        start - 1 >= pV && w[start - 1] is 'а' or 'я';

    private static bool RemoveIfFound(ref StemBuffer w, SuffixTable table, int pV)
    {
        if (table.Find(Rv(ref w, pV), out int length) == 0)
            return false;
        w.Truncate(w.Length - length);
        return true;
    }

    private static bool PerfectiveGerund(ref StemBuffer w, int pV)
    {
        int action = s_perfectiveGerund.Find(Rv(ref w, pV), out int length);
        int start = w.Length - length;
        if (action == 0 || (action == 1 && !PrecededByAOrYa(ref w, start, pV)))
            return false;
        w.Truncate(start);
        return true;
    }

    private static bool Adjectival(ref StemBuffer w, int pV)
    {
        if (!RemoveIfFound(ref w, s_adjective, pV))
            return false;
        int action = s_participle.Find(Rv(ref w, pV), out int length);
        int start = w.Length - length;
        if (action == 2 || (action == 1 && PrecededByAOrYa(ref w, start, pV)))
            w.Truncate(start);
        return true;
    }

    private static bool Verb(ref StemBuffer w, int pV)
    {
        int action = s_verb.Find(Rv(ref w, pV), out int length);
        int start = w.Length - length;
        if (action == 0 || (action == 1 && !PrecededByAOrYa(ref w, start, pV)))
            return false;
        w.Truncate(start);
        return true;
    }

    private static void TidyUp(ref StemBuffer w, int pV)
    {
        int action = s_tidyUp.Find(Rv(ref w, pV), out int length);
        int start = w.Length - length;
        switch (action)
        {
            case 1:
                // Superlative -ейш(е); then undouble нн.
                w.Truncate(start);
                if (w.Length - 2 >= pV && w.EndsWith("нн"))
                    w.Truncate(w.Length - 1);
                break;
            case 2:
                if (start - 1 >= pV && w[start - 1] == 'н')
                    w.Truncate(start);
                break;
            case 3:
                w.Truncate(start);
                break;
        }
    }
}
