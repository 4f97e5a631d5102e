using System.Globalization;
using System.Text;

namespace Microsoft.ML.Recurrent.Text;

/// <summary>
/// Cuts text into the chunks byte-pair merges may not cross (training and encoding use the same cuts, so the
/// cuts never lose anything: the chunks concatenate back to the text).
/// </summary>
/// <remarks>
/// A chunk is a run of one class: letters and marks, digits (any N*), white space, or other characters; a single
/// space directly before a non-space run joins that run (" the"), so words carry their leading space as in GPT-2.
/// Runs longer than <see cref="MaxChunkLength"/> code units are cut (never inside a surrogate pair) so that a
/// 10 MB row without spaces costs linear, not quadratic, time.
/// </remarks>
internal static class BpePreTokenizer
{
    /// <summary>Longest chunk in UTF-16 code units: 64, long enough for any real word; longer runs are cut.</summary>
    public const int MaxChunkLength = 64;

    private enum CharClass : byte { Letter, Digit, Space, Other }

    private static readonly CharClass[] s_ascii = BuildAscii();

    /// <summary>Returns the length of the chunk that starts at <paramref name="start"/> (at least 1 when text remains).</summary>
    public static int NextChunk(ReadOnlySpan<char> text, int start)
    {
        int i = start;
        CharClass first = ClassAt(text, i, out int size);
        if (first == CharClass.Space)
        {
            // A space run: stop before its last char when that char is ' ' and a non-space follows (it joins the word).
            int j = i + size;
            while (j < text.Length && j - start < MaxChunkLength)
            {
                CharClass c = ClassAt(text, j, out int s);
                if (c != CharClass.Space)
                    break;
                j += s;
            }
            if (j < text.Length && j - start > 1 && text[j - 1] == ' ' && ClassAt(text, j, out _) != CharClass.Space)
                return j - 1 - start;
            if (j - start == 1 && text[start] == ' ' && j < text.Length && ClassAt(text, j, out _) != CharClass.Space)
            {
                // Lone space before a word: the chunk is the space plus the following run.
                CharClass next = ClassAt(text, j, out int s);
                return RunEnd(text, j + s, next, start) - start;
            }
            return j - start;
        }
        return RunEnd(text, i + size, first, start) - start;
    }

    private static int RunEnd(ReadOnlySpan<char> text, int j, CharClass cls, int start)
    {
        while (j < text.Length)
        {
            CharClass c = ClassAt(text, j, out int s);
            if (c != cls || j + s - start > MaxChunkLength)
                break;
            j += s;
        }
        return j;
    }

    private static CharClass ClassAt(ReadOnlySpan<char> text, int i, out int size)
    {
        char ch = text[i];
        size = 1;
        if (ch < 128)
            return s_ascii[ch];
        UnicodeCategory category;
        if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            size = 2;
            category = Rune.GetUnicodeCategory(new Rune(ch, text[i + 1]));
        }
        else
        {
            category = char.GetUnicodeCategory(ch);
        }
        return Classify(category, ch);
    }

    private static CharClass Classify(UnicodeCategory category, char ch) => category switch
    {
        <= UnicodeCategory.EnclosingMark => CharClass.Letter,
        <= UnicodeCategory.OtherNumber => CharClass.Digit,
        UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => CharClass.Space,
        UnicodeCategory.Control when char.IsWhiteSpace(ch) => CharClass.Space,
        _ => CharClass.Other,
    };

    private static CharClass[] BuildAscii()
    {
        var table = new CharClass[128];
        for (int c = 0; c < 128; c++)
            table[c] = Classify(char.GetUnicodeCategory((char)c), (char)c);
        return table;
    }
}
