using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.ML.Recurrent.Testing;

namespace Microsoft.ML.Recurrent.Core.Tests.Model;

/// <summary>Damaged and hostile model.zip files: each must fail with a clear InvalidDataException, allocate little, write nothing.</summary>
public sealed class DamagedModelTests
{
    private sealed class Row
    {
        public string Label { get; set; } = "";

        public float A { get; set; }
    }

    private static readonly Row[] Rows = [new() { Label = "x", A = 1 }, new() { Label = "y", A = 2 }];

    // A chain whose second element has a tensor entry (the key dictionary).
    private static (MLContext Ml, IDataView Data, ITransformer Model, byte[] Bytes) ValidModel()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(Rows);
        ITransformer model = ml.Transforms.CopyColumns("B", "A").Append(ml.Transforms.Conversion.MapValueToKey("Key", "Label")).Fit(data);
        return (ml, data, model, ModelRoundTrip.Save(ml, model, data.Schema));
    }

    private static byte[] Rewrite(byte[] zip, Func<string, byte[], byte[]?> change, params (string Name, byte[] Content)[] extra)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (ZipArchiveEntry entry in source.Entries)
            {
                using var content = new MemoryStream();
                using (Stream s = entry.Open())
                    s.CopyTo(content);
                byte[]? changed = change(entry.FullName, content.ToArray());
                if (changed is null)
                    continue;
                using Stream w = target.CreateEntry(entry.FullName).Open();
                w.Write(changed);
            }
            foreach ((string name, byte[] content) in extra)
            {
                using Stream w = target.CreateEntry(name).Open();
                w.Write(content);
            }
        }
        return output.ToArray();
    }

    private static byte[] EditManifest(byte[] zip, Action<JsonObject> edit)
        => Rewrite(zip, (name, content) =>
        {
            if (name != "manifest.json")
                return content;
            var manifest = (JsonObject)JsonNode.Parse(content)!;
            edit(manifest);
            return Encoding.UTF8.GetBytes(manifest.ToJsonString());
        });

    private static InvalidDataException LoadFails(byte[] bytes)
    {
        var ml = new MLContext(seed: 1);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<InvalidDataException>(() => ml.Model.Load(new MemoryStream(bytes), out _));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        // Far below anything a declared size could ask for: failures are found before allocating.
        Assert.True(allocated < 32 << 20, $"Loading the damaged file allocated {allocated} bytes.");
        return e;
    }

    [Fact]
    public void ValidModel_Loads()
    {
        var (ml, data, model, bytes) = ValidModel();
        ModelRoundTrip.SaveLoadCompare(ml, model, data);
        Assert.NotNull(new MLContext().Model.Load(new MemoryStream(bytes), out _));
    }

    [Fact]
    public void TruncatedFile_AtAnyLength_GivesClearError()
    {
        byte[] bytes = ValidModel().Bytes;
        for (int length = 0; length < bytes.Length; length += Math.Max(1, bytes.Length / 97))
        {
            var e = LoadFails(bytes[..length]);
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
        }
        LoadFails(bytes[..^1]);
    }

    [Fact]
    public void BitFlip_Anywhere_FailsClearlyOrChangesNothing()
    {
        var (ml, data, model, bytes) = ValidModel();
        var expected = DataViewAssert.ReadRows(model.Transform(data), model.GetOutputSchema(data.Schema).ToArray());
        int failures = 0;
        for (int position = 0; position < bytes.Length; position++)
        {
            byte[] damaged = (byte[])bytes.Clone();
            damaged[position] ^= (byte)(1 << (position % 8));
            ITransformer loaded;
            try
            {
                loaded = new MLContext(seed: 1).Model.Load(new MemoryStream(damaged), out _);
            }
            catch (InvalidDataException)
            {
                failures++;
                continue;
            }
            // A flip in bytes the format does not use (timestamps, version-made-by) is harmless: the model must be intact.
            DataViewAssert.Equal(model.Transform(data), loaded.Transform(data));
        }
        Assert.True(failures > bytes.Length / 2, $"Only {failures} of {bytes.Length} flips were detected.");
    }

    [Fact]
    public void EntryWithParentPath_IsRejected_AndNothingIsWritten()
    {
        byte[] bytes = ValidModel().Bytes;
        string marker = $"evil-{Guid.NewGuid():N}.txt";
        byte[] hostile = Rewrite(bytes, (_, c) => c, ($"../../{marker}", Encoding.UTF8.GetBytes("owned")));

        var e = LoadFails(hostile);

        Assert.Contains($"'../../{marker}'", e.Message);
        Assert.Contains("unsafe name", e.Message);
        foreach (string dir in new[] { Directory.GetCurrentDirectory(), Path.GetTempPath(), AppContext.BaseDirectory })
        {
            for (DirectoryInfo? d = new(dir); d is not null; d = d.Parent)
                Assert.False(File.Exists(Path.Combine(d.FullName, marker)));
        }
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("C:/Windows/x")]
    [InlineData("tensors\\..\\..\\x")]
    public void EntryWithAbsoluteOrDrivePath_IsRejected(string name)
    {
        var e = LoadFails(Rewrite(ValidModel().Bytes, (_, c) => c, (name, [1, 2, 3])));
        Assert.Contains("unsafe name", e.Message);
    }

    [Fact]
    public void TensorHeaderDeclaringOneTerabyte_FailsBeforeAllocating()
    {
        byte[] header = Encoding.UTF8.GetBytes("{\"values.0.utf8\":{\"dtype\":\"U8\",\"shape\":[1000000000000],\"data_offsets\":[0,1000000000000]},"
            + "\"values.0.offsets\":{\"dtype\":\"I64\",\"shape\":[2],\"data_offsets\":[1000000000000,1000000000016]}}");
        byte[] safetensors = [.. BitConverter.GetBytes((ulong)header.Length), .. header, .. new byte[16]];
        byte[] hostile = Rewrite(ValidModel().Bytes, (name, c) => name.StartsWith("tensors/", StringComparison.Ordinal) ? safetensors : c);

        var e = LoadFails(hostile);

        Assert.Contains("declares 1000000000000 bytes", e.Message);
        Assert.Contains("values.0.utf8", e.Message);
    }

    [Fact]
    public void SafetensorsHeaderLengthOfOneTerabyte_FailsBeforeAllocating()
    {
        byte[] safetensors = [.. BitConverter.GetBytes(1_000_000_000_000UL), .. "{}"u8.ToArray()];
        var e = LoadFails(Rewrite(ValidModel().Bytes, (name, c) => name.StartsWith("tensors/", StringComparison.Ordinal) ? safetensors : c));
        Assert.Contains("1000000000000-byte safetensors header", e.Message);
    }

    [Fact]
    public void TensorShapeNotMatchingItsBytes_IsRejected()
    {
        byte[] header = Encoding.UTF8.GetBytes("{\"values.0.utf8\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,4]}}");
        byte[] safetensors = [.. BitConverter.GetBytes((ulong)header.Length), .. header, 0, 0, 0, 0];
        var e = LoadFails(Rewrite(ValidModel().Bytes, (name, c) => name.StartsWith("tensors/", StringComparison.Ordinal) ? safetensors : c));
        Assert.Contains("needs 12 bytes but data_offsets span 4", e.Message);
    }

    [Fact]
    public void DecompressionBomb_IsRefusedBeforeInflating()
    {
        byte[] zeros = new byte[64 << 20];
        byte[] bomb = Rewrite(ValidModel().Bytes, (name, c) => name.StartsWith("tensors/", StringComparison.Ordinal) ? zeros : c);

        var e = LoadFails(bomb);

        Assert.Contains("decompression bomb", e.Message);
    }

    [Fact]
    public void UnknownComponentName_NamesItAndNeverResolvesATypeName()
    {
        byte[] hostile = EditManifest(ValidModel().Bytes, m => m["model"]!["children"]!["0"]!["component"] = "System.IO.File, System.Private.CoreLib");

        var e = LoadFails(hostile);

        Assert.Contains("unknown component 'System.IO.File, System.Private.CoreLib'", e.Message);
        Assert.Contains("Known components:", e.Message);
    }

    [Fact]
    public void NewerFormatVersion_SaysToUpdate()
    {
        var e = LoadFails(EditManifest(ValidModel().Bytes, m => m["formatVersion"] = 2));
        Assert.Contains("format version 2 is newer than this build", e.Message);
    }

    [Fact]
    public void NewerComponentVersion_NamesComponent()
    {
        var e = LoadFails(EditManifest(ValidModel().Bytes, m => m["model"]!["children"]!["1"]!["version"] = 7));
        Assert.Contains("component 'MapValueToKey' at 'model.1' was saved with version 7, newer than this build reads (up to 1)", e.Message);
    }

    [Fact]
    public void SettingsWithUnknownMember_AreRejected()
    {
        var e = LoadFails(EditManifest(ValidModel().Bytes, m => m["model"]!["children"]!["0"]!["settings"]!["Extra"] = 1));
        Assert.Contains("'CopyColumns'", e.Message);
        Assert.Contains("Extra", e.Message);
    }

    [Fact]
    public void TensorEntryOutsideItsPlace_IsRejected()
    {
        var e = LoadFails(EditManifest(ValidModel().Bytes, m => m["model"]!["children"]!["1"]!["tensors"] = "manifest.json"));
        Assert.Contains("field 'tensors' is 'manifest.json', expected 'tensors/model.1.safetensors'", e.Message);
    }

    [Theory]
    [InlineData(40, "nesting deeper than 32")]
    [InlineData(200, "is not valid JSON")]
    public void DeeplyNestedManifest_FailsWithoutStackOverflow(int levels, string expected)
    {
        var root = new JsonObject { ["component"] = "TransformerChain", ["version"] = 1 };
        JsonObject current = root;
        for (int i = 0; i < levels; i++)
        {
            var child = new JsonObject { ["component"] = "TransformerChain", ["version"] = 1 };
            current["children"] = new JsonObject { ["0"] = child };
            current = child;
        }
        var e = LoadFails(EditManifest(ValidModel().Bytes, m => m["model"] = root));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void NotAZip_GivesClearError()
    {
        var e = LoadFails(Encoding.UTF8.GetBytes("this is not a model"));
        Assert.StartsWith("Not a valid model.zip", e.Message);
    }

    [Fact]
    public void MissingManifest_GivesClearError()
    {
        var e = LoadFails(Rewrite(ValidModel().Bytes, (name, c) => name == "manifest.json" ? null : c));
        Assert.Contains("'manifest.json' is missing", e.Message);
    }
}
