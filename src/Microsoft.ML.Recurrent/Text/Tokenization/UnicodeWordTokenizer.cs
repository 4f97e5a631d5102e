using System.Globalization;
using System.Text;

namespace Microsoft.ML.Recurrent.Text;

/// <summary>
/// A Unicode-aware word tokenizer: splits punctuation from words and keeps numbers, contractions, URLs,
/// e-mail addresses and emoji sequences whole. Works on code points, so surrogate pairs and combining marks
/// are never split. Usable without a pipeline; thread-safe. The rules, in the order they are tried at the
/// start of each token, are listed in docs/text.md and summarized here.
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>White space (White_Space, control characters) and format characters (Cf) outside a token separate tokens and are not output.</item>
/// <item>URL: starts with <c>http://</c>, <c>https://</c>, <c>ftp://</c> or <c>www.</c> (any case), runs to the next white space,
/// minus trailing <c>. , ; : ! ? ' "</c> and closing brackets that close nothing inside the URL.</item>
/// <item>E-mail: <c>local@domain.tld</c> with local part of ASCII letters, digits and <c>. _ % + -</c>, a domain of ASCII letters,
/// digits, <c>-</c> and at least one dot, and a top-level domain of two or more letters.</item>
/// <item>Emoji: a pictographic code point with its modifiers (skin tones, variation selectors, tags, keycap) and further
/// pictographs joined by ZERO WIDTH JOINER (U+200D) is one token; two regional indicators (a flag) are one token.</item>
/// <item>Han ideograph: each is a token of its own (Chinese and Japanese write no spaces).</item>
/// <item>Word: letters, marks, digits and connector punctuation (<c>_</c>) of one script class (kana, or other letters);
/// an apostrophe (' or ’) or a period between two letters stays inside ("don't", "O'Brien", "l'homme", "U.S.A");
/// a period or comma between two digits stays inside ("3.14", "1,000", "1.000.000").
/// Contractions are therefore kept whole: "don't" → "don't", not "do" + "n't". Hyphens separate ("well-known" →
/// "well", "-", "known").</item>
/// <item>Anything else (punctuation, symbols): a run of the same character is one token ("...", "!!"), otherwise one character.</item>
/// <item>Combining marks and variation selectors following any token belong to it; a lone surrogate is a token of its own.</item>
/// </list>
/// Scripts without spaces between words other than Chinese and Japanese (Thai, Lao, Khmer, Myanmar) come out as one token per
/// space-separated run: they need dictionary segmentation, which this tokenizer does not do.
/// </remarks>
public sealed class UnicodeWordTokenizer
{
    private const int ZeroWidthJoiner = 0x200D;

    /// <summary>A shared instance (the tokenizer has no settings).</summary>
    public static UnicodeWordTokenizer Instance { get; } = new();

    /// <summary>Appends the spans of the tokens of <paramref name="text"/> to <paramref name="tokens"/>.</summary>
    public void Tokenize(ReadOnlySpan<char> text, List<TokenSpan> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            // ASCII fast path for the separators of ordinary text.
            if (c == ' ' || (c < 0x80 && char.IsControl(c)))
            {
                i++;
                continue;
            }
            var (rune, size) = Decode(text, i);
            UnicodeCategory category = CategoryOf(rune, size);
            if (size == 1 && char.IsSurrogate(c))
            {
                tokens.Add(new TokenSpan(i, 1));   // lone surrogate: its own token, kept as is
                i++;
                continue;
            }
            if (IsSeparator(rune, category))
            {
                i += size;
                continue;
            }
            int end = ScanToken(text, i, rune, size, category);
            end = SkipExtenders(text, end);
            tokens.Add(new TokenSpan(i, end - i));
            i = end;
        }
    }

    /// <summary>Appends the tokens of <paramref name="text"/> as slices of it (no copy) to <paramref name="tokens"/>.</summary>
    public void Tokenize(ReadOnlyMemory<char> text, List<ReadOnlyMemory<char>> tokens, List<TokenSpan> scratch)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(scratch);
        scratch.Clear();
        Tokenize(text.Span, scratch);
        foreach (TokenSpan t in scratch)
            tokens.Add(text.Slice(t.Start, t.Length));
    }

    /// <summary>The tokens of <paramref name="text"/>; null, empty or white-space-only text gives no tokens.</summary>
    public string[] Tokenize(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return [];
        var spans = new List<TokenSpan>();
        Tokenize(text.AsSpan(), spans);
        var result = new string[spans.Count];
        for (int k = 0; k < result.Length; k++)
            result[k] = text.Substring(spans[k].Start, spans[k].Length);
        return result;
    }

    // Returns the end of the token that starts at i with the given first code point.
    private static int ScanToken(ReadOnlySpan<char> text, int i, Rune rune, int size, UnicodeCategory category)
    {
        if (rune.IsAscii && (rune.Value | 0x20) is 'h' or 'f' or 'w')
        {
            int url = MatchUrl(text, i);
            if (url > i)
                return url;
        }
        if (rune.IsAscii && IsEmailLocalChar((char)rune.Value))
        {
            int email = MatchEmail(text, i);
            if (email > i)
                return email;
        }
        if (IsRegionalIndicator(rune.Value))
        {
            var (next, nextSize) = Decode(text, i + size);
            return nextSize > 0 && IsRegionalIndicator(next.Value) ? i + size + nextSize : i + size;
        }
        if (IsPictographic(rune.Value))
            return ScanEmoji(text, i + size);
        if (IsHan(rune.Value))
            return i + size;
        if (IsWordCategory(category))
            return ScanWord(text, i, rune);
        return ScanSymbolRun(text, i, rune, size);
    }

    private static int ScanWord(ReadOnlySpan<char> text, int i, Rune first)
    {
        bool kana = IsKana(first.Value);
        bool previousIsDigit = Rune.IsDigit(first);
        bool previousIsLetter = Rune.IsLetter(first);
        int j = i + first.Utf16SequenceLength;
        while (j < text.Length)
        {
            char c = text[j];
            // ASCII letters and digits: the bulk of English text, checked without decoding.
            if (c < 0x80)
            {
                if (char.IsAsciiLetter(c) && !kana)
                {
                    previousIsLetter = true;
                    previousIsDigit = false;
                    j++;
                    continue;
                }
                if (char.IsAsciiDigit(c) && !kana)
                {
                    previousIsLetter = false;
                    previousIsDigit = true;
                    j++;
                    continue;
                }
                if (c == '_' && !kana)
                {
                    previousIsLetter = previousIsDigit = false;
                    j++;
                    continue;
                }
            }
            var (rune, size) = Decode(text, j);
            if (size == 1 && char.IsSurrogate(c))
                return j;
            UnicodeCategory category = Rune.GetUnicodeCategory(rune);
            if (IsMark(category))
            {
                j += size;
                continue;
            }
            if (IsWordCategory(category) && !IsHan(rune.Value) && !IsPictographic(rune.Value) && IsKana(rune.Value) == kana
                && !IsRegionalIndicator(rune.Value))
            {
                previousIsLetter = Rune.IsLetter(rune);
                previousIsDigit = Rune.IsDigit(rune);
                j += size;
                continue;
            }
            // Infix punctuation: kept only between two letters (apostrophe, period) or two digits (period, comma).
            if (c is '\'' or '\u2019' or '.' or ',' && j + 1 < text.Length)
            {
                var (next, _) = Decode(text, j + 1);
                bool letterInfix = previousIsLetter && c != ',' && Rune.IsLetter(next) && IsKana(next.Value) == kana && !IsHan(next.Value);
                bool digitInfix = previousIsDigit && c is '.' or ',' && Rune.IsDigit(next);
                if (letterInfix || digitInfix)
                {
                    j++;
                    continue;
                }
            }
            if (rune.Value == ZeroWidthJoiner || rune.Value == 0x200C)
            {
                // Joiners inside words (Persian, Indic) stay when a letter follows.
                var (next, nextSize) = Decode(text, j + size);
                if (nextSize > 0 && Rune.IsLetter(next))
                {
                    j += size;
                    continue;
                }
            }
            return j;
        }
        return j;
    }

    // Emoji: modifiers, variation selectors, keycap, tags; ZWJ followed by another pictograph continues the sequence.
    private static int ScanEmoji(ReadOnlySpan<char> text, int j)
    {
        while (j < text.Length)
        {
            var (rune, size) = Decode(text, j);
            int v = rune.Value;
            if (size == 1 && char.IsSurrogate(text[j]))
                return j;
            if (v is >= 0x1F3FB and <= 0x1F3FF or 0xFE0F or 0xFE0E or 0x20E3 or >= 0xE0020 and <= 0xE007F
                || IsMark(Rune.GetUnicodeCategory(rune)))
            {
                j += size;
                continue;
            }
            if (v == ZeroWidthJoiner)
            {
                var (next, nextSize) = Decode(text, j + size);
                if (nextSize > 0 && IsPictographic(next.Value))
                {
                    j += size + nextSize;
                    continue;
                }
            }
            return j;
        }
        return j;
    }

    private static int ScanSymbolRun(ReadOnlySpan<char> text, int i, Rune first, int size)
    {
        int j = i + size;
        while (j < text.Length)
        {
            var (rune, s) = Decode(text, j);
            if (rune != first || (s == 1 && char.IsSurrogate(text[j])))
                break;
            j += s;
        }
        return j;
    }

    // Marks, variation selectors and ZWJ-free extenders that follow a token belong to it.
    private static int SkipExtenders(ReadOnlySpan<char> text, int j)
    {
        while (j < text.Length && text[j] >= 0x300)
        {
            var (rune, size) = Decode(text, j);
            if (size == 1 && char.IsSurrogate(text[j]))
                return j;
            if (!IsMark(Rune.GetUnicodeCategory(rune)))
                return j;
            j += size;
        }
        return j;
    }

    private static int MatchUrl(ReadOnlySpan<char> text, int i)
    {
        ReadOnlySpan<char> rest = text[i..];
        int prefix = rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? 7
            : rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? 8
            : rest.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase) ? 6
            : rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? 4
            : 0;
        if (prefix == 0)
            return i;
        int end = prefix;
        while (end < rest.Length && !char.IsWhiteSpace(rest[end]) && !char.IsControl(rest[end]))
            end++;
        // Trailing sentence punctuation and unbalanced closing brackets are not part of the URL.
        while (end > prefix)
        {
            char last = rest[end - 1];
            if (last is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '"' or '>')
            {
                end--;
                continue;
            }
            if (last is ')' or ']' or '}')
            {
                char open = last == ')' ? '(' : last == ']' ? '[' : '{';
                int opens = rest[..(end - 1)].Count(open), closes = rest[..(end - 1)].Count(last);
                if (opens <= closes)
                {
                    end--;
                    continue;
                }
            }
            break;
        }
        return end > prefix ? i + end : i;
    }

    private static int MatchEmail(ReadOnlySpan<char> text, int i)
    {
        int j = i;
        while (j < text.Length && IsEmailLocalChar(text[j]))
            j++;
        if (j == i || j >= text.Length || text[j] != '@' || text[j - 1] == '.')
            return i;
        int domainStart = ++j;
        int lastDot = -1;
        while (j < text.Length && (char.IsAsciiLetterOrDigit(text[j]) || text[j] is '-' or '.'))
        {
            if (text[j] == '.')
            {
                if (j + 1 >= text.Length || !char.IsAsciiLetterOrDigit(text[j + 1]))
                    break;   // a final period ends the sentence, not the domain
                lastDot = j;
            }
            j++;
        }
        if (lastDot <= domainStart)
            return i;
        int tld = j - lastDot - 1;
        if (tld < 2)
            return i;
        for (int k = lastDot + 1; k < j; k++)
        {
            if (!char.IsAsciiLetter(text[k]))
                return i;
        }
        return j;
    }

    private static bool IsEmailLocalChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-';

    private static (Rune Rune, int Size) Decode(ReadOnlySpan<char> text, int index)
    {
        if (index >= text.Length)
            return (default, 0);
        char c = text[index];
        if (!char.IsSurrogate(c))
            return (new Rune(c), 1);
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            return (new Rune(c, text[index + 1]), 2);
        return (Rune.ReplacementChar, 1);
    }

    private static UnicodeCategory CategoryOf(Rune rune, int size) => Rune.GetUnicodeCategory(rune);

    private static bool IsSeparator(Rune rune, UnicodeCategory category) =>
        Rune.IsWhiteSpace(rune) || category is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    private static bool IsWordCategory(UnicodeCategory category) =>
        category <= UnicodeCategory.OtherNumber || category == UnicodeCategory.ConnectorPunctuation;

    private static bool IsMark(UnicodeCategory category) =>
        category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static bool IsRegionalIndicator(int v) => v is >= 0x1F1E6 and <= 0x1F1FF;

    private static bool IsKana(int v) => v is >= 0x3040 and <= 0x30FF or >= 0x31F0 and <= 0x31FF or >= 0xFF66 and <= 0xFF9F;

    private static bool IsHan(int v) =>
        v is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0xF900 and <= 0xFAFF or >= 0x20000 and <= 0x3FFFF or 0x3005 or 0x3007;

    // Extended_Pictographic, approximated by the blocks that hold emoji (the UCD property is not in .NET).
    private static bool IsPictographic(int v) =>
        v is 0x00A9 or 0x00AE or 0x203C or 0x2049 or 0x2122 or 0x2139 or >= 0x2194 and <= 0x2199 or 0x21A9 or 0x21AA
            or 0x231A or 0x231B or 0x2328 or 0x23CF or >= 0x23E9 and <= 0x23F3 or >= 0x23F8 and <= 0x23FA or 0x24C2
            or 0x25AA or 0x25AB or 0x25B6 or 0x25C0 or >= 0x25FB and <= 0x25FE or >= 0x2600 and <= 0x27BF
            or 0x2934 or 0x2935 or >= 0x2B05 and <= 0x2B07 or 0x2B1B or 0x2B1C or 0x2B50 or 0x2B55 or 0x3030 or 0x303D
            or 0x3297 or 0x3299
            or >= 0x1F000 and <= 0x1FAFF and not (>= 0x1F1E6 and <= 0x1F1FF) and not (>= 0x1F3FB and <= 0x1F3FF)
            or >= 0x1FC00 and <= 0x1FFFD;
}
