using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.ML.Transforms.Text;

namespace Microsoft.ML.Recurrent.Text;

/// <summary>
/// Normalizes text the way ML.NET's <c>NormalizeText</c> does: changes case (invariant culture), removes
/// diacritics, punctuation and decimal digits on request. Usable without a pipeline; thread-safe.
/// </summary>
/// <remarks>
/// <para>Diacritics are removed by canonical decomposition for every script (Latin, Cyrillic, Greek,
/// Vietnamese, Hebrew and Arabic points ...): a letter whose decomposition holds a removable mark loses it
/// ("Ñandú" → "nandu", "ё" → "е", "ά" → "α"); marks that are part of a letter (Indic viramas and vowel signs,
/// Thai vowels, Japanese voicing marks) are kept, so "が" stays "が". CJK, Hangul, emoji pass through.
/// A removable mark written on its own after a letter ("e" + U+0301) is dropped too.</para>
/// <para>Punctuation is Unicode's P* categories (<see cref="char.IsPunctuation(char)"/>); numbers are decimal
/// digits (Nd, <see cref="char.IsDigit(char)"/>). Removed characters are deleted, not replaced by spaces,
/// as in ML.NET.</para>
/// <para>Output is never longer than input (in UTF-16 code units). A lone surrogate is copied unchanged.</para>
/// </remarks>
public sealed class TextNormalizer
{
    // Per-instance map for ASCII: the output char, or -1 to delete it. Most text is mostly ASCII.
    private readonly short[] _ascii = new short[128];

    // The ASCII characters this instance leaves unchanged: a vectorized scan finds the first change.
    private readonly SearchValues<char> _asciiUnchanged;

    /// <summary>Creates a normalizer. Defaults are ML.NET's <c>NormalizeText</c> defaults.</summary>
    /// <param name="caseMode">Case change (default <see cref="TextNormalizingEstimator.CaseMode.Lower"/>).</param>
    /// <param name="keepDiacritics">Keep diacritical marks (default false: remove them).</param>
    /// <param name="keepPunctuations">Keep punctuation characters (default true).</param>
    /// <param name="keepNumbers">Keep decimal digits (default true).</param>
    public TextNormalizer(
        TextNormalizingEstimator.CaseMode caseMode = TextNormalizingEstimator.CaseMode.Lower,
        bool keepDiacritics = false,
        bool keepPunctuations = true,
        bool keepNumbers = true)
    {
        if (caseMode is not (TextNormalizingEstimator.CaseMode.Lower or TextNormalizingEstimator.CaseMode.Upper or TextNormalizingEstimator.CaseMode.None))
            throw new ArgumentOutOfRangeException(nameof(caseMode), caseMode, "Expected CaseMode Lower, Upper or None.");
        CaseMode = caseMode;
        KeepDiacritics = keepDiacritics;
        KeepPunctuations = keepPunctuations;
        KeepNumbers = keepNumbers;

        var unchanged = new List<char>(128);
        for (int c = 0; c < 128; c++)
        {
            short mapped = (short)MapAscii((char)c);
            _ascii[c] = mapped;
            if (mapped == c)
                unchanged.Add((char)c);
        }
        _asciiUnchanged = SearchValues.Create(unchanged.ToArray());
    }

    /// <summary>The case change applied.</summary>
    public TextNormalizingEstimator.CaseMode CaseMode { get; }

    /// <summary>Whether diacritical marks are kept.</summary>
    public bool KeepDiacritics { get; }

    /// <summary>Whether punctuation is kept.</summary>
    public bool KeepPunctuations { get; }

    /// <summary>Whether decimal digits are kept.</summary>
    public bool KeepNumbers { get; }

    /// <summary>Normalizes a string. Returns the same instance (no allocation) when nothing changes; null gives null.</summary>
    public string? Normalize(string? text)
    {
        if (text is null)
            return null;
        int first = IndexOfFirstCandidate(text);
        if (first < 0)
            return text;
        char[] buffer = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            int written = Normalize(text, buffer, first);
            ReadOnlySpan<char> result = buffer.AsSpan(0, written);
            return result.SequenceEqual(text) ? text : new string(result);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Normalizes <paramref name="text"/>. Returns <paramref name="text"/> itself when nothing changes (no copy);
    /// otherwise writes into <paramref name="buffer"/> (grown when shorter than the text, reused otherwise)
    /// and returns a slice of it, valid until the buffer is used again.
    /// </summary>
    public ReadOnlyMemory<char> Normalize(ReadOnlyMemory<char> text, ref char[]? buffer)
    {
        ReadOnlySpan<char> span = text.Span;
        int first = IndexOfFirstCandidate(span);
        if (first < 0)
            return text;
        if (buffer is null || buffer.Length < span.Length)
            buffer = new char[Math.Max(span.Length, 2 * (buffer?.Length ?? 0))];
        int written = Normalize(span, buffer, first);
        if (written == span.Length && span.SequenceEqual(buffer.AsSpan(0, written)))
            return text;
        return buffer.AsMemory(0, written);
    }

    /// <summary>
    /// Writes the normalized text into <paramref name="destination"/> and returns the number of chars written.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="text"/>
    /// (the output is never longer than the input).</exception>
    public int Normalize(ReadOnlySpan<char> text, Span<char> destination)
    {
        if (destination.Length < text.Length)
            throw new ArgumentException($"Destination holds {destination.Length} chars; the text has {text.Length} and its normalization may be as long.", nameof(destination));
        int first = IndexOfFirstCandidate(text);
        if (first < 0)
        {
            text.CopyTo(destination);
            return text.Length;
        }
        return Normalize(text, destination, first);
    }

    // Index of the first char that may change (any non-ASCII char, or an ASCII char this instance maps), -1 if none.
    private int IndexOfFirstCandidate(ReadOnlySpan<char> text) => text.IndexOfAnyExcept(_asciiUnchanged);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Normalize(ReadOnlySpan<char> text, Span<char> destination, int first)
    {
        text[..first].CopyTo(destination);
        int w = first;
        // Whether the last base character written or seen was a letter: a lone removable mark is dropped only
        // after a letter, so "=" + U+0338 (not-equal built from parts) keeps its stroke.
        bool afterLetter = first > 0 && IsLetterBefore(text, first);
        short[] ascii = _ascii;
        bool asciiCaseOnly = KeepPunctuations && KeepNumbers;
        for (int i = first; i < text.Length; i++)
        {
            if (asciiCaseOnly)
            {
                // Runs of ASCII only change case here: convert them with the vectorized System.Text.Ascii routines.
                int n = ConvertAsciiRun(text[i..], destination[w..]);
                if (n > 0)
                {
                    afterLetter = char.IsAsciiLetter(text[i + n - 1]);
                    i += n;
                    w += n;
                    if (i == text.Length)
                        break;
                }
            }
            char c = text[i];
            if (c < 128)
            {
                short m = ascii[c];
                afterLetter = char.IsAsciiLetter(c);
                if (m >= 0)
                    destination[w++] = (char)m;
                continue;
            }
            if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    w += NormalizeSupplementary(new Rune(c, text[i + 1]), destination[w..], ref afterLetter);
                    i++;
                }
                else
                {
                    destination[w++] = c;   // lone surrogate: defined behaviour is "copied unchanged"
                    afterLetter = false;
                }
                continue;
            }
            UnicodeCategory category = char.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                if (!KeepDiacritics && afterLetter && DiacriticFolding.IsRemovableMark(c))
                    continue;
                destination[w++] = c;
                continue;
            }
            afterLetter = IsLetter(category);
            if ((!KeepPunctuations && IsPunctuation(category)) || (!KeepNumbers && category == UnicodeCategory.DecimalDigitNumber))
                continue;
            if (!KeepDiacritics && afterLetter)
                c = DiacriticFolding.Fold(c);
            destination[w++] = CaseMode switch
            {
                TextNormalizingEstimator.CaseMode.Lower => char.ToLowerInvariant(c),
                TextNormalizingEstimator.CaseMode.Upper => char.ToUpperInvariant(c),
                _ => c,
            };
        }
        return w;
    }

    // Converts the leading ASCII run of source (case only) and returns its length.
    private int ConvertAsciiRun(ReadOnlySpan<char> source, Span<char> destination)
    {
        int n;
        switch (CaseMode)
        {
            case TextNormalizingEstimator.CaseMode.Lower:
                Ascii.ToLower(source, destination, out n);
                return n;
            case TextNormalizingEstimator.CaseMode.Upper:
                Ascii.ToUpper(source, destination, out n);
                return n;
            default:
                n = source.IndexOfAnyExceptInRange('\0', '\u007F');
                if (n < 0)
                    n = source.Length;
                source[..n].CopyTo(destination);
                return n;
        }
    }

    private int NormalizeSupplementary(Rune rune, Span<char> destination, ref bool afterLetter)
    {
        UnicodeCategory category = Rune.GetUnicodeCategory(rune);
        if (category == UnicodeCategory.NonSpacingMark)
        {
            if (!KeepDiacritics && afterLetter && DiacriticFolding.IsRemovableMark(rune.Value))
                return 0;
            return rune.EncodeToUtf16(destination);
        }
        afterLetter = IsLetter(category);
        if ((!KeepPunctuations && IsPunctuation(category)) || (!KeepNumbers && category == UnicodeCategory.DecimalDigitNumber))
            return 0;
        Rune mapped = CaseMode switch
        {
            TextNormalizingEstimator.CaseMode.Lower => Rune.ToLowerInvariant(rune),
            TextNormalizingEstimator.CaseMode.Upper => Rune.ToUpperInvariant(rune),
            _ => rune,
        };
        // Simple case mappings never leave the supplementary planes, so the output stays two code units.
        if (mapped.Utf16SequenceLength != 2)
            mapped = rune;
        return mapped.EncodeToUtf16(destination);
    }

    private int MapAscii(char c)
    {
        if (!KeepPunctuations && char.IsPunctuation(c))
            return -1;
        if (!KeepNumbers && char.IsAsciiDigit(c))
            return -1;
        return CaseMode switch
        {
            TextNormalizingEstimator.CaseMode.Lower => char.ToLowerInvariant(c),
            TextNormalizingEstimator.CaseMode.Upper => char.ToUpperInvariant(c),
            _ => c,
        };
    }

    // The base character before position index (skipping marks) is a letter.
    private static bool IsLetterBefore(ReadOnlySpan<char> text, int index)
    {
        for (int j = index - 1; j >= 0; j--)
        {
            UnicodeCategory category = char.IsLowSurrogate(text[j]) && j > 0 && char.IsHighSurrogate(text[j - 1])
                ? CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(text[j - 1], text[j]))
                : char.GetUnicodeCategory(text[j]);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
                continue;
            return IsLetter(category);
        }
        return false;
    }

    private static bool IsLetter(UnicodeCategory category) => category <= UnicodeCategory.OtherLetter;

    private static bool IsPunctuation(UnicodeCategory category) =>
        category is >= UnicodeCategory.ConnectorPunctuation and <= UnicodeCategory.OtherPunctuation;
}
