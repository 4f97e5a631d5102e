using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.ML;
using Microsoft.ML.Recurrent.Testing;
using Microsoft.ML.Recurrent.Text.Lemmatization;
using Microsoft.ML.Recurrent.Text.Stemming;

namespace Microsoft.ML.Recurrent.Tests.Text.Stemming;

/// <summary>Damaged model.zip files for StemWords and Lemmatize fail to load with a message naming what is wrong.</summary>
public sealed class StemmingModelDamageTests
{
    private sealed class Row
    {
        public string[] Words { get; set; } = [];
    }

    private static byte[] SaveModel(IEstimator<ITransformer> estimator)
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(new[] { new Row { Words = ["mice", "running"] } });
        return ModelRoundTrip.Save(ml, estimator.Fit(data), data.Schema);
    }

    // Rewrites manifest.json (the zip recomputes its CRC), as an edited or corrupted file would.
    private static byte[] EditManifest(byte[] zip, string pattern, string replace)
    {
        var stream = new MemoryStream();
        stream.Write(zip);
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            ZipArchiveEntry entry = archive.GetEntry("manifest.json")!;
            string manifest;
            using (var reader = new StreamReader(entry.Open(), Encoding.UTF8))
                manifest = reader.ReadToEnd();
            Assert.Matches(pattern, manifest);
            entry.Delete();
            using var writer = new StreamWriter(archive.CreateEntry("manifest.json").Open(), new UTF8Encoding(false));
            writer.Write(Regex.Replace(manifest, pattern, replace));
        }
        return stream.ToArray();
    }

    private static Exception LoadError(byte[] zip) =>
        Assert.ThrowsAny<Exception>(() => new MLContext(seed: 1).Model.Load(new MemoryStream(zip), out _));

    [Fact]
    public void Load_Fails_ForUnknownStemmerLanguage()
    {
        byte[] zip = EditManifest(SaveModel(new MLContext(1).Transforms.Text.StemWords("Stems", "Words", StemmerLanguage.German)), "\"German\"", "\"Klingon\"");
        Exception error = LoadError(zip);
        Assert.IsType<InvalidDataException>(error);
        Assert.Contains("Text.StemWords", error.Message);
    }

    [Fact]
    public void Load_Fails_ForMismatchedColumnLists()
    {
        byte[] zip = EditManifest(SaveModel(new MLContext(1).Transforms.Text.StemWords("Stems", "Words")), @"""Inputs"":\s*\[\s*""Words""\s*\]", "\"Inputs\": []");
        Exception error = LoadError(zip);
        Assert.IsType<InvalidDataException>(error);
        Assert.Contains("1 outputs and 0 inputs", error.Message);
    }

    [Fact]
    public void Load_Fails_WhenLexiconSizeDisagreesWithItsStrings()
    {
        var lexicon = LemmaLexicon.Parse(new StringReader("mice\tmouse\nwent\tgo\n"));
        byte[] zip = EditManifest(SaveModel(new MLContext(1).Transforms.Text.Lemmatize("Lemmas", lexicon, "Words")), @"""EntryCount"":\s*2", "\"EntryCount\": 3");
        Exception error = LoadError(zip);
        Assert.IsType<InvalidDataException>(error);
        Assert.Contains("lexicon of 3 entries expected, found 2 forms and 2 lemmas", error.Message);
        Assert.Contains("Text.Lemmatize", error.Message);
    }
}
