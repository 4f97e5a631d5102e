namespace Microsoft.ML.Recurrent.Text;

/// <summary>
/// Splits text into characters as keys, like ML.NET's <c>TokenizeIntoCharactersAsKeys</c>: each UTF-16 code
/// unit <c>c</c> becomes the key <c>c + 1</c> of a key type with 65,535 values (<c>Key&lt;UInt16, 65535&gt;</c>;
/// key 0 means missing), optionally between the start marker U+0002 and the end marker U+0003.
/// </summary>
/// <remarks>
/// Keys are code units, as in ML.NET, so a character outside the Basic Multilingual Plane (an emoji) gives
/// two adjacent keys, its high and low surrogate; mapping keys back and concatenating restores it exactly.
/// U+FFFF, a noncharacter that cannot have key 65,536 in a 16-bit key type, maps to key 0 (missing).
/// Empty text gives no keys, not even markers (ML.NET does the same).
/// </remarks>
public static class CharacterTokenizer
{
    /// <summary>The start-of-text marker, U+0002, written before the characters when markers are used.</summary>
    public const char StartMarker = '\u0002';

    /// <summary>The end-of-text marker, U+0003, written after the characters when markers are used.</summary>
    public const char EndMarker = '\u0003';

    /// <summary>The number of key values: 65,535 (code units U+0000..U+FFFE).</summary>
    public const int KeyCount = ushort.MaxValue;

    /// <summary>The default of ML.NET's <c>useMarkerCharacters</c>: true.</summary>
    public const bool DefaultUseMarkerCharacters = true;

    /// <summary>How many keys <see cref="Tokenize"/> writes for a text of <paramref name="textLength"/> code units.</summary>
    public static int KeyCountFor(int textLength, bool useMarkerCharacters) =>
        textLength == 0 ? 0 : useMarkerCharacters ? textLength + 2 : textLength;

    /// <summary>The key of one code unit: <c>c + 1</c>, or 0 (missing) for U+FFFF.</summary>
    public static ushort ToKey(char c) => c == '\uFFFF' ? (ushort)0 : (ushort)(c + 1);

    /// <summary>The code unit of a key (1..65,535).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The key is 0 (missing).</exception>
    public static char ToChar(ushort key) =>
        key == 0 ? throw new ArgumentOutOfRangeException(nameof(key), key, "Key 0 means missing and has no character; expected 1..65535.") : (char)(key - 1);

    /// <summary>Writes the keys of <paramref name="text"/> and returns how many were written.</summary>
    /// <exception cref="ArgumentException"><paramref name="keys"/> is shorter than <see cref="KeyCountFor"/>.</exception>
    public static int Tokenize(ReadOnlySpan<char> text, bool useMarkerCharacters, Span<ushort> keys)
    {
        int count = KeyCountFor(text.Length, useMarkerCharacters);
        if (keys.Length < count)
            throw new ArgumentException($"Destination holds {keys.Length} keys; {count} are needed for a text of {text.Length} chars.", nameof(keys));
        if (count == 0)
            return 0;
        int w = 0;
        if (useMarkerCharacters)
            keys[w++] = ToKey(StartMarker);
        foreach (char c in text)
            keys[w++] = ToKey(c);
        if (useMarkerCharacters)
            keys[w++] = ToKey(EndMarker);
        return w;
    }
}
