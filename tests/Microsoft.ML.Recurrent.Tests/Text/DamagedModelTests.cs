using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.ML;
using Microsoft.ML.Recurrent.Testing;

namespace Microsoft.ML.Recurrent.Tests.Text;

/// <summary>Damaged model.zip files with text components give clear exceptions, not crashes.</summary>
public sealed class DamagedModelTests
{
    private sealed class Row
    {
        public string Text { get; set; } = "";

        public string[] Words { get; set; } = [];
    }

    private static readonly Row[] Rows = [new() { Text = "the cat sat on the mat the cat", Words = ["a", "b", "a"] }];

    private static byte[] EditManifest(byte[] model, string pattern, string replacement)
    {
        using var stream = new MemoryStream();
        stream.Write(model);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            ZipArchiveEntry entry = zip.GetEntry("manifest.json")!;
            string json;
            using (var reader = new StreamReader(entry.Open()))
                json = reader.ReadToEnd();
            Assert.Matches(pattern, json);
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("manifest.json").Open(), new UTF8Encoding(false));
            writer.Write(Regex.Replace(json, pattern, replacement));
        }
        return stream.ToArray();
    }

    [Fact]
    public void Load_RejectsBytePairMergeCountThatDisagreesWithTensor()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(Rows);
        ITransformer model = ml.Transforms.Text.TokenizeIntoBytePairs("Ids", "Text", vocabularySize: 260).Fit(data);
        byte[] bytes = ModelRoundTrip.Save(ml, model, data.Schema);
        byte[] damaged = EditManifest(bytes, "\"MergeCount\":\\s*4", "\"MergeCount\": 400");
        var e = Assert.ThrowsAny<InvalidDataException>(() => new MLContext().Model.Load(new MemoryStream(damaged), out _));
        Assert.Contains("merges", e.Message);
    }

    [Fact]
    public void Load_RejectsVocabularyWhoseUnknownTokenIsMissing()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(Rows);
        ITransformer model = ml.Transforms.Text.MapTokensToKeys("Keys", "Words").Fit(data);
        byte[] damaged = EditManifest(ModelRoundTrip.Save(ml, model, data.Schema), "\"UnknownToken\":\\s*\"[^\"]*\"", "\"UnknownToken\": \"zzz\"");
        var e = Assert.ThrowsAny<InvalidDataException>(() => new MLContext().Model.Load(new MemoryStream(damaged), out _));
        Assert.Contains("zzz", e.Message);
    }

    [Fact]
    public void Load_RejectsUnknownStopWordLanguage()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(Rows);
        ITransformer model = ml.Transforms.Text.RemoveDefaultStopWords("Kept", "Words").Fit(data);
        byte[] damaged = EditManifest(ModelRoundTrip.Save(ml, model, data.Schema), "\"English\"", "\"Klingon\"");
        Assert.ThrowsAny<InvalidDataException>(() => new MLContext().Model.Load(new MemoryStream(damaged), out _));
    }
}
