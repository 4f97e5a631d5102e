namespace Microsoft.ML.Recurrent.Text.Stemming.Snowball;

/// <summary>
/// Snowball's <c>among</c> in backward mode: finds the <em>longest</em> listed suffix of a text and returns the action
/// number attached to it. Like Snowball, there is no fallback to a shorter suffix when the caller's condition on the
/// longest one fails; callers implement that by testing the returned match only.
/// </summary>
/// <remarks>
/// Suffixes are bucketed by the low byte of their last character, longest first, so a lookup compares only the few
/// suffixes that end with the same letter: no allocation, no hashing of the text.
/// </remarks>
internal sealed class SuffixTable
{
    private readonly Entry[][] _buckets = new Entry[256][];

    /// <summary>Builds the table from (suffix, action) pairs; the action must be positive, suffixes non-empty and distinct.</summary>
    public SuffixTable(params (string Suffix, int Action)[] entries)
    {
        var lists = new List<Entry>?[256];
        foreach (var (suffix, action) in entries)
        {
            if (suffix.Length == 0 || action <= 0)
                throw new ArgumentException($"Suffix table entry '{suffix}' -> {action}: suffix must be non-empty and action positive.");
            int b = suffix[^1] & 0xFF;
            (lists[b] ??= new List<Entry>()).Add(new Entry(suffix, action));
        }
        for (int i = 0; i < 256; i++)
        {
            var list = lists[i];
            if (list is null)
            {
                _buckets[i] = [];
                continue;
            }
            list.Sort((a, b) => b.Suffix.Length.CompareTo(a.Suffix.Length));
            for (int j = 1; j < list.Count; j++)
            {
                if (list[j].Suffix == list[j - 1].Suffix)
                    throw new ArgumentException($"Suffix '{list[j].Suffix}' is listed twice.");
            }
            _buckets[i] = list.ToArray();
        }
    }

    /// <summary>Builds a table where every suffix has the same action.</summary>
    public static SuffixTable Of(int action, params string[] suffixes)
    {
        var entries = new (string, int)[suffixes.Length];
        for (int i = 0; i < suffixes.Length; i++)
            entries[i] = (suffixes[i], action);
        return new SuffixTable(entries);
    }

    /// <summary>
    /// Finds the longest listed suffix of <paramref name="text"/>. Returns its action (0 when none matches) and its
    /// length in <paramref name="length"/>.
    /// </summary>
    public int Find(ReadOnlySpan<char> text, out int length)
    {
        if (text.Length > 0)
        {
            Entry[] bucket = _buckets[text[^1] & 0xFF];
            for (int i = 0; i < bucket.Length; i++)
            {
                string suffix = bucket[i].Suffix;
                if (suffix.Length <= text.Length && EndsWith(text, suffix))
                {
                    length = suffix.Length;
                    return bucket[i].Action;
                }
            }
        }
        length = 0;
        return 0;
    }

    // Backwards by hand: the last letter is known to match (bucket), most candidates differ in the next one or two.
    private static bool EndsWith(ReadOnlySpan<char> text, string suffix)
    {
        int offset = text.Length - suffix.Length;
        for (int i = suffix.Length - 2; i >= 0; i--)
        {
            if (text[offset + i] != suffix[i])
                return false;
        }
        return text[^1] == suffix[^1];
    }

    private readonly record struct Entry(string Suffix, int Action);
}
