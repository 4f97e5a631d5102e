using System.IO.Compression;
using System.Text;
using Microsoft.ML.Data;

namespace Microsoft.ML.Recurrent.Core.Tests.Data.Loaders;

public sealed class TextLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("core-textloader-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public sealed class Row
    {
        [LoadColumn(0)]
        public string Text { get; set; } = "";

        [LoadColumn(1)]
        public float Value { get; set; }

        [LoadColumn(2, 3)]
        public float[] Pair { get; set; } = [];

        [LoadColumn(4)]
        [ColumnName("Flag")]
        public bool IsSet { get; set; }
    }

    private string Write(string name, string content)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    [Fact]
    public void LoadFromTextFile_TabSeparatedWithHeader_ReadsTypedColumns()
    {
        var ml = new MLContext(seed: 1);
        string path = Write("a.tsv", "text\tvalue\ta\tb\tflag\nhello world\t1.5\t2\t3\ttrue\n\nbye\t-2e3\t4\t5\t0\n");

        IDataView data = ml.Data.LoadFromTextFile<Row>(path, hasHeader: true);
        Row[] rows = ml.Data.CreateEnumerable<Row>(data, reuseRowObject: false).ToArray();

        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 2), data.Schema["Pair"].Type);
        Assert.Equal(["hello world", "bye"], rows.Select(r => r.Text));
        Assert.Equal([1.5f, -2000f], rows.Select(r => r.Value));
        Assert.Equal([4f, 5f], rows[1].Pair);
        Assert.Equal([true, false], rows.Select(r => r.IsSet));
    }

    [Fact]
    public void LoadFromTextFile_Quoting_KeepsSeparatorsAndUnescapesQuotes()
    {
        var ml = new MLContext(seed: 1);
        string path = Write("q.csv", "\"a, \"\"b\"\"\",1,2,3,1\nplain,4,5,6,0\n");

        Row[] rows = ml.Data.CreateEnumerable<Row>(ml.Data.LoadFromTextFile<Row>(path, separatorChar: ',', allowQuoting: true), false).ToArray();

        Assert.Equal(["a, \"b\"", "plain"], rows.Select(r => r.Text));
        Assert.Equal([1f, 4f], rows.Select(r => r.Value));
    }

    [Fact]
    public void LoadFromTextFile_TrimWhitespace_RemovesSpacesAroundFields()
    {
        var ml = new MLContext(seed: 1);
        string path = Write("t.csv", "  x y  , 1 ,2,3, true\n");

        Row row = ml.Data.CreateEnumerable<Row>(ml.Data.LoadFromTextFile<Row>(path, ',', trimWhitespace: true), false).Single();

        Assert.Equal("x y", row.Text);
        Assert.True(row.IsSet);
    }

    [Fact]
    public void LoadFromTextFile_BadNumber_NamesFileLineColumnAndValue()
    {
        var ml = new MLContext(seed: 1);
        string path = Write("bad.tsv", "a\t1\t2\t3\t1\nb\tx1\t2\t3\t1\n");

        var e = Assert.Throws<InvalidDataException>(() => ml.Data.CreateEnumerable<Row>(ml.Data.LoadFromTextFile<Row>(path), false).ToArray());

        Assert.Contains("line 2", e.Message);
        Assert.Contains("column 'Value'", e.Message);
        Assert.Contains("'x1'", e.Message);
    }

    [Fact]
    public void LoadFromTextFile_ShortLine_NamesMissingField()
    {
        var ml = new MLContext(seed: 1);
        string path = Write("short.tsv", "a\t1\t2\n");

        var e = Assert.Throws<InvalidDataException>(() => ml.Data.CreateEnumerable<Row>(ml.Data.LoadFromTextFile<Row>(path), false).ToArray());

        Assert.Contains("line 1: column 'Pair' reads field 3, but the line has 3 field(s)", e.Message);
    }

    [Fact]
    public void LoadFromTextFile_UnclosedQuote_IsAnError()
    {
        var ml = new MLContext(seed: 1);
        string path = Write("uq.csv", "\"abc,1,2,3,1\n");

        var e = Assert.Throws<InvalidDataException>(() => ml.Data.CreateEnumerable<Row>(ml.Data.LoadFromTextFile<Row>(path, ',', allowQuoting: true), false).ToArray());

        Assert.Contains("not closed", e.Message);
    }

    [Fact]
    public void LoadFromTextFile_EmptyFloatField_IsNaN()
    {
        var ml = new MLContext(seed: 1);
        string path = Write("nan.tsv", "a\t\t2\t3\t1\n");

        Assert.True(float.IsNaN(ml.Data.LoadFromTextFile<Row>(path).GetColumn<float>("Value").Single()));
    }

    [Fact]
    public void LoadFromTextFile_OnlyActiveColumnsAreParsed()
    {
        var ml = new MLContext(seed: 1);
        string path = Write("lazy.tsv", "a\tnot-a-number\t2\t3\t1\n");

        Assert.Equal(["a"], ml.Data.LoadFromTextFile<Row>(path).GetColumn<ReadOnlyMemory<char>>("Text").Select(t => t.ToString()));
    }

    [Fact]
    public void LoadFromTextFile_MemberWithoutLoadColumn_IsRejected()
    {
        var ml = new MLContext(seed: 1);
        var e = Assert.Throws<InvalidOperationException>(() => ml.Data.LoadFromTextFile<Unannotated>(Write("x.tsv", "a\n")));
        Assert.Contains("Unannotated.Name has no [LoadColumn", e.Message);
    }

    public sealed class Unannotated
    {
        public string Name { get; set; } = "";
    }

    [Fact]
    public void LoadFromTextCorpus_GzipFile_GivesOneRowPerLine()
    {
        var ml = new MLContext(seed: 1);
        string path = Path.Combine(_dir, "corpus.txt.gz");
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest))
            gz.Write(Encoding.UTF8.GetBytes("the cat\n\ndéjà vu\r\nlast"));

        IDataView data = ml.Data.LoadFromTextCorpus(path);
        IDataView skipping = ml.Data.LoadFromTextCorpus(path, "Line", skipEmptyLines: true);

        Assert.Equal(["the cat", "", "déjà vu", "last"], data.GetColumn<ReadOnlyMemory<char>>("Text").Select(t => t.ToString()));
        Assert.Equal(3, skipping.GetColumn<ReadOnlyMemory<char>>("Line").Count());
    }

    [Fact]
    public void LoadFromTextCorpus_InvalidUtf8_NamesTheLine()
    {
        var ml = new MLContext(seed: 1);
        string path = Path.Combine(_dir, "bad.txt");
        File.WriteAllBytes(path, [(byte)'o', (byte)'k', (byte)'\n', 0xFF, 0xFE, (byte)'\n']);

        var e = Assert.Throws<InvalidDataException>(() => ml.Data.LoadFromTextCorpus(path).GetColumn<ReadOnlyMemory<char>>("Text").ToArray());

        Assert.Contains("line 2", e.Message);
        Assert.Contains("UTF-8", e.Message);
    }
}
