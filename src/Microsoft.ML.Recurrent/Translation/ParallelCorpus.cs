using System.IO.Compression;
using System.Text;

namespace Microsoft.ML.Recurrent.Translation;

/// <summary>
/// Reads a parallel corpus: two UTF-8 text files (plain, or gzip when the name ends in <c>.gz</c>), one sentence per
/// line, aligned by line number.
/// </summary>
public static class ParallelCorpus
{
    /// <summary>Reads the aligned pairs of <paramref name="sourcePath"/> and <paramref name="targetPath"/>.</summary>
    /// <exception cref="InvalidDataException">The files have different line counts: the message names the first line
    /// that one file has and the other lacks, and both counts.</exception>
    public static List<SentencePair> Read(string sourcePath, string targetPath)
    {
        var sources = ReadLines(sourcePath);
        var targets = ReadLines(targetPath);
        if (sources.Count != targets.Count)
        {
            var (longer, shorter) = sources.Count > targets.Count ? (sourcePath, targetPath) : (targetPath, sourcePath);
            int line = Math.Min(sources.Count, targets.Count) + 1;
            throw new InvalidDataException(
                $"The files are not aligned: line {line} of '{longer}' has no counterpart in '{shorter}' " +
                $"('{sourcePath}' has {sources.Count} lines, '{targetPath}' has {targets.Count}). Each line of one file must translate the same line of the other.");
        }
        var pairs = new List<SentencePair>(sources.Count);
        for (int i = 0; i < sources.Count; i++)
        {
            pairs.Add(new SentencePair(sources[i], targets[i]));
        }
        return pairs;
    }

    /// <summary>The lines of a UTF-8 file (gzip when the name ends in <c>.gz</c>), without line terminators.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static List<string> ReadLines(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using Stream file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true));
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }
        return lines;
    }
}
