using System.Collections.Concurrent;
using Microsoft.ML.Transforms.Text;

namespace Microsoft.ML.Recurrent.Text;

/// <summary>
/// A set of stop words matched case-insensitively (both sides lower-cased with the invariant culture, as in
/// ML.NET) and also without diacritics, so that a list works on raw tokens and on the output of
/// <c>NormalizeText</c>, whose default removes diacritics ("être" and "etre" both match). Thread-safe.
/// </summary>
public sealed class StopWordList
{
    private static readonly ConcurrentDictionary<StopWordsRemovingEstimator.Language, StopWordList> s_builtIn = new();
    private static readonly TextNormalizer s_lower = new(TextNormalizingEstimator.CaseMode.Lower, keepDiacritics: true);
    private static readonly TextNormalizer s_fold = new(TextNormalizingEstimator.CaseMode.Lower, keepDiacritics: false);

    private readonly HashSet<string> _words;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _maxLength;

    private StopWordList(IEnumerable<string> words, string source)
    {
        _words = new HashSet<string>(StringComparer.Ordinal);
        int index = 0;
        foreach (string? word in words)
        {
            if (word is null)
                throw new ArgumentException($"Stop word {index} of {source} is null; expected a word.", nameof(words));
            if (word.Length > 0)
            {
                string lower = s_lower.Normalize(word)!;
                _words.Add(lower);
                _words.Add(s_fold.Normalize(lower)!);
                _maxLength = Math.Max(_maxLength, word.Length);
            }
            index++;
        }
        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Number of distinct entries (lower-case forms and their diacritic-free forms).</summary>
    public int Count => _words.Count;

    /// <summary>The built-in list of a language, read from the embedded resource <c>Text/StopWords/&lt;language&gt;.txt</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined language.</exception>
    public static StopWordList ForLanguage(StopWordsRemovingEstimator.Language language)
    {
        if (!Enum.IsDefined(language))
            throw new ArgumentOutOfRangeException(nameof(language), language, $"Unknown stop-word language; expected one of {string.Join(", ", Enum.GetNames<StopWordsRemovingEstimator.Language>())}.");
        return s_builtIn.GetOrAdd(language, Load);
    }

    /// <summary>The built-in list of a language given by name (case-insensitive, e.g. "english", "Norwegian_Bokmal").</summary>
    /// <exception cref="ArgumentException">The name is not a known language; the message lists the known names.</exception>
    public static StopWordList ForLanguage(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!Enum.TryParse(name, ignoreCase: true, out StopWordsRemovingEstimator.Language language) || !Enum.IsDefined(language)
            || char.IsDigit(name.Trim()[0]))
        {
            throw new ArgumentException($"Unknown stop-word language '{name}'; expected one of {string.Join(", ", Enum.GetNames<StopWordsRemovingEstimator.Language>())}.", nameof(name));
        }
        return ForLanguage(language);
    }

    /// <summary>A custom list (ML.NET's <c>RemoveStopWords</c>). Empty strings are ignored (no token is empty).</summary>
    /// <exception cref="ArgumentException">A word is null.</exception>
    public static StopWordList FromWords(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return new StopWordList(words, "the custom list");
    }

    /// <summary>True when <paramref name="token"/> is a stop word (ignoring case and diacritics).</summary>
    public bool Contains(ReadOnlySpan<char> token)
    {
        if (token.IsEmpty || token.Length > _maxLength)   // lower-casing keeps the length, so a longer token cannot match
            return false;
        Span<char> buffer = token.Length <= 256 ? stackalloc char[token.Length] : new char[token.Length];
        int n = s_lower.Normalize(token, buffer);
        return _lookup.Contains(buffer[..n]);
    }

    /// <summary>Appends the tokens that are not stop words to <paramref name="kept"/>, in order.</summary>
    public void RemoveFrom(ReadOnlySpan<ReadOnlyMemory<char>> tokens, List<ReadOnlyMemory<char>> kept)
    {
        ArgumentNullException.ThrowIfNull(kept);
        foreach (ReadOnlyMemory<char> token in tokens)
        {
            if (!Contains(token.Span))
                kept.Add(token);
        }
    }

    /// <summary>The tokens that are not stop words, in order.</summary>
    public string[] RemoveFrom(IEnumerable<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var kept = new List<string>();
        foreach (string token in tokens)
        {
            if (token is not null && !Contains(token))
                kept.Add(token);
        }
        return [.. kept];
    }

    private static StopWordList Load(StopWordsRemovingEstimator.Language language)
    {
        string resource = $"Microsoft.ML.Recurrent.Text.StopWords.{language.ToString().ToLowerInvariant()}.txt";
        using Stream stream = typeof(StopWordList).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded stop-word list '{resource}' for {language} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            string word = line.Trim();
            if (word.Length > 0 && word[0] != '#')
                words.Add(word);
        }
        return new StopWordList(words, resource);
    }
}
