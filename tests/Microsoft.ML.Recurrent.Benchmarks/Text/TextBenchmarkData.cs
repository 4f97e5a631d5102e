namespace Microsoft.ML.Recurrent.Benchmarks.Text;

/// <summary>Finds ../shared/data beside the repository (the benchmark project does not reference the test helpers).</summary>
internal static class TextBenchmarkData
{
    public static string Path(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = System.IO.Path.Combine([dir.FullName, "shared", "data", .. parts]);
            if (File.Exists(candidate))
                return candidate;
        }
        throw new FileNotFoundException($"shared/data/{string.Join('/', parts)} not found above {AppContext.BaseDirectory}.");
    }

    /// <summary>English text: WikiText-2 validation split (1.1 MB), lines as they are.</summary>
    public static string[] EnglishLines() => File.ReadAllLines(Path("wikitext-2", "valid.txt"));

    /// <summary>Total UTF-8 bytes of the lines (plus one newline each): the "MB" of the MB/s figures.</summary>
    public static long Utf8Bytes(string[] lines)
    {
        long total = 0;
        foreach (string line in lines)
            total += System.Text.Encoding.UTF8.GetByteCount(line) + 1;
        return total;
    }
}
