using System.Globalization;

namespace Microsoft.ML.Recurrent.Text;

/// <summary>
/// A plain-text file for a <see cref="BytePairEncoding"/> outside model.zip (the CLI uses it): the first line is
/// <c>#bpe-merges v1</c>, then one merge rule per line, <c>left right</c> as decimal token ids (rule r makes id 256 + r).
/// Lines starting with <c>#</c> after the first are comments.
/// </summary>
public static class BytePairEncodingFile
{
    /// <summary>The first line of every file.</summary>
    public const string Header = "#bpe-merges v1";

    /// <summary>Largest number of rules a file may declare (16 M), checked before anything is allocated.</summary>
    public const int MaxRules = 1 << 24;

    /// <summary>Writes <paramref name="encoding"/>.</summary>
    public static void Save(BytePairEncoding encoding, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Header);
        writer.Write('\n');
        foreach (var (left, right) in encoding.Merges)
        {
            writer.Write(left.ToString(CultureInfo.InvariantCulture));
            writer.Write(' ');
            writer.Write(right.ToString(CultureInfo.InvariantCulture));
            writer.Write('\n');
        }
    }

    /// <summary>Reads an encoding written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The header is missing, a line is malformed or a rule is inconsistent; the message names the line.</exception>
    public static BytePairEncoding Load(TextReader reader, string sourceName = "BPE file")
    {
        ArgumentNullException.ThrowIfNull(reader);
        string? first = reader.ReadLine();
        if (first != Header)
            throw new InvalidDataException($"{sourceName} line 1: expected '{Header}', found '{Truncate(first)}'.");
        var merges = new List<(int, int)>();
        int lineNumber = 1;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
                continue;
            int space = line.IndexOf(' ');
            if (space <= 0 || !int.TryParse(line.AsSpan(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out int left)
                || !int.TryParse(line.AsSpan(space + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int right))
            {
                throw new InvalidDataException($"{sourceName} line {lineNumber}: expected two token ids 'left right', found '{Truncate(line)}'.");
            }
            int limit = BytePairEncoding.ByteTokenCount + merges.Count;
            if (left >= limit || right >= limit)
                throw new InvalidDataException($"{sourceName} line {lineNumber}: rule {merges.Count} joins ids {left} and {right}; expected ids below {limit}.");
            if (merges.Count == MaxRules)
                throw new InvalidDataException($"{sourceName} line {lineNumber}: more than {MaxRules} rules.");
            merges.Add((left, right));
        }
        try
        {
            return new BytePairEncoding(merges);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{sourceName}: {e.Message}", e);
        }
    }

    private static string Truncate(string? s) => s is null ? "end of file" : s.Length <= 40 ? s : s[..40] + "…";
}
