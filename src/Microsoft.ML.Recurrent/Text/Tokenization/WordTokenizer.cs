using System.Buffers;

namespace Microsoft.ML.Recurrent.Text;

/// <summary>
/// Splits text at separator characters, exactly like ML.NET's <c>TokenizeIntoWords</c>: every maximal run of
/// non-separator characters is a token, empty tokens are skipped, nothing else is interpreted (a tab is
/// part of a word unless it is a separator). Usable without a pipeline; thread-safe.
/// </summary>
public sealed class WordTokenizer
{
    /// <summary>The default separators: the space character only, as in ML.NET.</summary>
    public static IReadOnlyList<char> DefaultSeparators { get; } = [' '];

    private readonly char[] _separators;
    private readonly SearchValues<char> _search;

    /// <summary>Creates a tokenizer.</summary>
    /// <param name="separators">Characters that separate tokens; null or empty means <see cref="DefaultSeparators"/> (space).</param>
    public WordTokenizer(char[]? separators = null)
    {
        _separators = separators is null || separators.Length == 0 ? [' '] : (char[])separators.Clone();
        _search = SearchValues.Create(_separators);
    }

    /// <summary>The separators in use (a copy).</summary>
    public char[] Separators => (char[])_separators.Clone();

    /// <summary>Appends the spans of the tokens of <paramref name="text"/> to <paramref name="tokens"/>.</summary>
    public void Tokenize(ReadOnlySpan<char> text, List<TokenSpan> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        int i = 0;
        while (i < text.Length)
        {
            int start = text[i..].IndexOfAnyExcept(_search);
            if (start < 0)
                return;
            start += i;
            int length = text[start..].IndexOfAny(_search);
            if (length < 0)
                length = text.Length - start;
            tokens.Add(new TokenSpan(start, length));
            i = start + length;
        }
    }

    /// <summary>Appends the tokens of <paramref name="text"/> as slices of it (no copy) to <paramref name="tokens"/>.</summary>
    public void Tokenize(ReadOnlyMemory<char> text, List<ReadOnlyMemory<char>> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ReadOnlySpan<char> span = text.Span;
        int i = 0;
        while (i < span.Length)
        {
            int start = span[i..].IndexOfAnyExcept(_search);
            if (start < 0)
                return;
            start += i;
            int length = span[start..].IndexOfAny(_search);
            if (length < 0)
                length = span.Length - start;
            tokens.Add(text.Slice(start, length));
            i = start + length;
        }
    }

    /// <summary>The tokens of <paramref name="text"/>; null, empty or separator-only text gives no tokens.</summary>
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
}
