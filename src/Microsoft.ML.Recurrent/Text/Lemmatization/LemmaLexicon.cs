using System.Diagnostics.CodeAnalysis;

namespace Microsoft.ML.Recurrent.Text.Lemmatization;

/// <summary>
/// A user-supplied dictionary from word forms to lemmas (<c>went</c> → <c>go</c>), read from a plain-text file.
/// </summary>
/// <remarks>
/// <para>File format (UTF-8, a BOM is accepted), one entry per line:</para>
/// <code>
/// # lines whose first non-blank character is '#' are comments; blank lines are ignored
/// went&#9;go
/// mice&#9;mouse
/// </code>
/// <para>Each entry is <c>form</c>, one TAB, <c>lemma</c>. Both are taken verbatim (only a trailing carriage return
/// is removed, for CRLF files); neither may be empty or blank, and neither may contain a TAB. A form listed twice
/// with the same lemma is accepted once; a form listed with two different lemmas is an error. Matching is ordinal
/// (case-sensitive): lower-case the file and the text alike, e.g. with <c>NormalizeText</c>. A malformed line raises a
/// <see cref="FormatException"/> naming the source, the line number and what was found.</para>
/// </remarks>
public sealed class LemmaLexicon
{
    // Longest part of an offending line quoted in an error message (the line itself is never altered).
    private const int QuotedLineChars = 80;

    private readonly Dictionary<string, string> _lemmas;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private LemmaLexicon(Dictionary<string, string> lemmas)
    {
        _lemmas = lemmas;
        _lookup = lemmas.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Number of forms.</summary>
    public int Count => _lemmas.Count;

    /// <summary>The entries sorted by form (ordinal), so that saving is deterministic.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Entries
    {
        get
        {
            var entries = _lemmas.ToArray();
            Array.Sort(entries, (a, b) => string.CompareOrdinal(a.Key, b.Key));
            return entries;
        }
    }

    /// <summary>Reads a lexicon file (format in the class remarks).</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FormatException">A line is malformed; the message names the file and the line.</exception>
    public static LemmaLexicon Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"Lemma lexicon '{path}' not found.", path);
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Parse(reader, path);
    }

    /// <summary>Parses lexicon text (format in the class remarks).</summary>
    /// <param name="reader">The text.</param>
    /// <param name="sourceName">Name used in error messages (a file name).</param>
    /// <exception cref="FormatException">A line is malformed; the message names <paramref name="sourceName"/> and the line.</exception>
    public static LemmaLexicon Parse(TextReader reader, string sourceName = "lemma lexicon")
    {
        ArgumentNullException.ThrowIfNull(reader);
        var lemmas = new Dictionary<string, string>(StringComparer.Ordinal);
        var lineOfForm = new Dictionary<string, int>(StringComparer.Ordinal);
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            ReadOnlySpan<char> content = line.AsSpan().TrimStart();
            if (content.IsEmpty || content[0] == '#')
                continue;
            string entry = line.EndsWith('\r') ? line[..^1] : line;
            int tab = entry.IndexOf('\t');
            if (tab < 0 || entry.IndexOf('\t', tab + 1) >= 0)
            {
                int tabs = entry.Count(c => c == '\t');
                throw new FormatException($"{sourceName} line {lineNumber}: expected 'form<TAB>lemma' (exactly one TAB), found {tabs} TABs in '{Quote(entry)}'.");
            }
            string form = entry[..tab];
            string lemma = entry[(tab + 1)..];
            if (string.IsNullOrWhiteSpace(form) || string.IsNullOrWhiteSpace(lemma))
                throw new FormatException($"{sourceName} line {lineNumber}: the {(string.IsNullOrWhiteSpace(form) ? "form" : "lemma")} is empty in '{Quote(entry)}'.");
            if (lemmas.TryGetValue(form, out string? existing))
            {
                if (existing != lemma)
                    throw new FormatException($"{sourceName} line {lineNumber}: form '{form}' maps to '{lemma}' but line {lineOfForm[form]} maps it to '{existing}'.");
                continue;
            }
            lemmas.Add(form, lemma);
            lineOfForm.Add(form, lineNumber);
        }
        return new LemmaLexicon(lemmas);
    }

    /// <summary>Builds a lexicon from (form, lemma) pairs, with the same rules as the file format.</summary>
    /// <exception cref="ArgumentException">A form or lemma is empty, blank or contains a TAB, or a form has two lemmas; the message names the entry.</exception>
    public static LemmaLexicon FromPairs(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var lemmas = new Dictionary<string, string>(StringComparer.Ordinal);
        int index = 0;
        foreach (var (form, lemma) in pairs)
        {
            if (string.IsNullOrWhiteSpace(form) || string.IsNullOrWhiteSpace(lemma) || form.Contains('\t') || lemma.Contains('\t'))
                throw new ArgumentException($"Lexicon entry {index} ('{form}' -> '{lemma}'): form and lemma must be non-blank and contain no TAB.", nameof(pairs));
            if (lemmas.TryGetValue(form, out string? existing) && existing != lemma)
                throw new ArgumentException($"Lexicon entry {index}: form '{form}' maps to '{lemma}' but an earlier entry maps it to '{existing}'.", nameof(pairs));
            lemmas[form] = lemma;
            index++;
        }
        return new LemmaLexicon(lemmas);
    }

    /// <summary>Looks up the lemma of <paramref name="form"/> (ordinal match) without allocating.</summary>
    public bool TryGetLemma(ReadOnlySpan<char> form, [NotNullWhen(true)] out string? lemma) => _lookup.TryGetValue(form, out lemma);

    private static string Quote(string line) => line.Length <= QuotedLineChars ? line : string.Concat(line.AsSpan(0, QuotedLineChars), "…");
}
