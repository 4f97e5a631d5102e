using System.Buffers;
using System.Runtime.CompilerServices;

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
    private readonly bool[] _asciiSeparator = new bool[128];

    /// <summary>Creates a tokenizer.</summary>
    /// <param name="separators">Characters that separate tokens; null or empty means <see cref="DefaultSeparators"/> (space).</param>
    public WordTokenizer(char[]? separators = null)
    {
        _separators = separators is null || separators.Length == 0 ? [' '] : (char[])separators.Clone();
        _search = SearchValues.Create(_separators);
        foreach (char c in _separators)
        {
            if (c < 128)
                _asciiSeparator[c] = true;
        }
    }

    /// <summary>The separators in use (a copy).</summary>
    public char[] Separators => (char[])_separators.Clone();

    /// <summary>Appends the spans of the tokens of <paramref name="text"/> to <paramref name="tokens"/>.</summary>
    public void Tokenize(ReadOnlySpan<char> text, List<TokenSpan> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        int start = -1;
        for (int i = 0; i < text.Length; i++)
        {
            if (IsSeparator(text[i]))
            {
                if (start >= 0)
                {
                    tokens.Add(new TokenSpan(start, i - start));
                    start = -1;
                }
            }
            else if (start < 0)
            {
                start = i;
            }
        }
        if (start >= 0)
            tokens.Add(new TokenSpan(start, text.Length - start));
    }

    /// <summary>Appends the tokens of <paramref name="text"/> as slices of it (no copy) to <paramref name="tokens"/>.</summary>
    public void Tokenize(ReadOnlyMemory<char> text, List<ReadOnlyMemory<char>> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ReadOnlySpan<char> span = text.Span;
        int start = -1;
        for (int i = 0; i < span.Length; i++)
        {
            if (IsSeparator(span[i]))
            {
                if (start >= 0)
                {
                    tokens.Add(text.Slice(start, i - start));
                    start = -1;
                }
            }
            else if (start < 0)
            {
                start = i;
            }
        }
        if (start >= 0)
            tokens.Add(text.Slice(start, span.Length - start));
    }

    // Words are short (about 5 chars in English), so a plain scan beats vectorized IndexOfAny calls per token
    // (measured by NormalizeTokenizeBenchmarks.TokenizeIntoWordsOnly).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsSeparator(char c) => c < 128 ? _asciiSeparator[c] : _search.Contains(c);

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
