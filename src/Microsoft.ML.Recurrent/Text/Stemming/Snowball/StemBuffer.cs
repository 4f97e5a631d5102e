namespace Microsoft.ML.Recurrent.Text.Stemming.Snowball;

/// <summary>
/// The word being stemmed: a caller-owned span with spare capacity and a current length. Snowball algorithms
/// replace slices of the word (almost always at its end) and sometimes lengthen it for a while (French <c>ë</c> becomes
/// <c>He</c> until the postlude), so the storage holds at least <see cref="Stemmer.GetMaxStemLength"/> characters.
/// </summary>
internal ref struct StemBuffer
{
    private readonly Span<char> _storage;

    public StemBuffer(Span<char> storage, ReadOnlySpan<char> word)
    {
        word.CopyTo(storage);
        _storage = storage;
        Length = word.Length;
    }

    /// <summary>Current number of characters in the word.</summary>
    public int Length { get; private set; }

    /// <summary>The character at <paramref name="index"/> (0 ≤ index &lt; <see cref="Length"/>).</summary>
    public readonly char this[int index]
    {
        get => _storage[index];
        set => _storage[index] = value;
    }

    /// <summary>The current word.</summary>
    public readonly ReadOnlySpan<char> Text => _storage[..Length];

    /// <summary>The last character, or '\0' for an empty word.</summary>
    public readonly char Last => Length == 0 ? '\0' : _storage[Length - 1];

    /// <summary>True when the word ends with <paramref name="suffix"/>.</summary>
    public readonly bool EndsWith(ReadOnlySpan<char> suffix) => EndsWithAt(Length, suffix);

    /// <summary>True when the characters just before position <paramref name="end"/> are <paramref name="text"/>.</summary>
    public readonly bool EndsWithAt(int end, ReadOnlySpan<char> text)
    {
        // Suffixes are 1-7 letters and most tests fail on the last letter: compare backwards by hand rather than
        // paying a vectorised compare's call and setup.
        int start = end - text.Length;
        if (start < 0 || end > Length)
            return false;
        for (int i = text.Length - 1; i >= 0; i--)
        {
            if (_storage[start + i] != text[i])
                return false;
        }
        return true;
    }

    /// <summary>True when the word starts with <paramref name="prefix"/>.</summary>
    public readonly bool StartsWith(ReadOnlySpan<char> prefix) => Text.StartsWith(prefix);

    /// <summary>True when the word is exactly <paramref name="text"/>.</summary>
    public readonly bool Is(ReadOnlySpan<char> text) => Text.SequenceEqual(text);

    /// <summary>Cuts the word to its first <paramref name="length"/> characters.</summary>
    public void Truncate(int length) => Length = length;

    /// <summary>Replaces everything from <paramref name="start"/> to the end of the word with <paramref name="replacement"/>.</summary>
    public void ReplaceEnd(int start, ReadOnlySpan<char> replacement)
    {
        replacement.CopyTo(_storage[start..]);
        Length = start + replacement.Length;
    }

    /// <summary>Replaces the slice [<paramref name="start"/>, <paramref name="end"/>) with <paramref name="replacement"/>.</summary>
    public void Replace(int start, int end, ReadOnlySpan<char> replacement)
    {
        int delta = replacement.Length - (end - start);
        if (delta != 0)
            _storage[end..Length].CopyTo(_storage[(end + delta)..]);
        replacement.CopyTo(_storage[start..]);
        Length += delta;
    }

    /// <summary>Removes the slice [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public void Delete(int start, int end) => Replace(start, end, default);

    /// <summary>
    /// Starts a single left-to-right rewrite of the whole word, for rules that lengthen it (ß → ss, ë → He): the word
    /// is moved to the end of the storage and returned as the (writable) input, and the word itself becomes empty so
    /// that <see cref="Append"/> rebuilds it from the front. Each input character may produce up to two output
    /// characters; the storage holds at least 2 × length + 8 characters, so the output never overtakes the unread
    /// input. One pass instead of a shift per replacement keeps a long word with many such letters linear.
    /// </summary>
    public Span<char> BeginRewrite()
    {
        int n = Length;
        int start = _storage.Length - n;
        _storage[..n].CopyTo(_storage[start..]);
        Length = 0;
        return _storage.Slice(start, n);
    }

    /// <summary>Appends one character to the word (during a rewrite started by <see cref="BeginRewrite"/>).</summary>
    public void Append(char c) => _storage[Length++] = c;
}
