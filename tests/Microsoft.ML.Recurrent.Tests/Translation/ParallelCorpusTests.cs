using System.IO.Compression;
using Microsoft.ML.Recurrent.Translation;

namespace Microsoft.ML.Recurrent.Tests.Translation;

public sealed class ParallelCorpusTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("parallel-corpus-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Read_PairsLinesOfPlainAndGzipFiles()
    {
        string source = Write("src.txt", "ein Hund\nzwei Katzen\n");
        string target = WriteGzip("tgt.txt.gz", "a dog\ntwo cats\n");
        var pairs = ParallelCorpus.Read(source, target);
        Assert.Equal([new SentencePair("ein Hund", "a dog"), new SentencePair("zwei Katzen", "two cats")], pairs);
    }

    [Fact]
    public void Read_RejectsFilesOfDifferentLineCounts_NamingTheFirstUnpairedLine()
    {
        string source = Write("src.txt", "eins\nzwei\ndrei\n");
        string target = Write("tgt.txt", "one\ntwo\n");
        var error = Assert.Throws<InvalidDataException>(() => ParallelCorpus.Read(source, target));
        Assert.Contains("line 3 of '" + source + "'", error.Message);
        Assert.Contains("has 3 lines", error.Message);
        Assert.Contains("has 2", error.Message);
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string WriteGzip(string name, string text)
    {
        string path = Path.Combine(_folder, name);
        using var file = File.Create(path);
        using var zip = new GZipStream(file, CompressionLevel.Fastest);
        zip.Write(System.Text.Encoding.UTF8.GetBytes(text));
        return path;
    }
}
