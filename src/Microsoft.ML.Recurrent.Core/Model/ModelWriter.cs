using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Microsoft.ML;

/// <summary>Writes model.zip: <c>manifest.json</c> plus one safetensors entry per component with tensors (docs/model-format.md).</summary>
internal static class ModelWriter
{
    public const string FormatName = "Microsoft.ML.Recurrent.Model";
    public const int FormatVersion = 1;

    // A fixed entry time keeps the bytes of a model a function of its content (same seed, same data -> same file).
    private static readonly DateTimeOffset FixedTimestamp = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Write(ComponentCatalog catalog, ITransformer? model, DataViewSchema? inputSchema, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanWrite)
            throw new ArgumentException("The model stream must be writable.", nameof(stream));
        model ??= new Data.TransformerChain<ITransformer>();
        // Capture everything before touching the stream, so a component that fails to save leaves it untouched.
        ComponentNode root = ModelSaveContext.Capture(catalog, model, "model");
        var manifest = new JsonObject
        {
            ["format"] = FormatName,
            ["formatVersion"] = FormatVersion,
            ["writer"] = $"Microsoft.ML.Recurrent.Core {typeof(ModelWriter).Assembly.GetName().Version}",
            ["inputSchema"] = inputSchema is null ? null : WriteSchema(inputSchema),
            ["model"] = WriteNode(root),
        };
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        ZipArchiveEntry manifestEntry = zip.CreateEntry(ModelReader.ManifestEntry, CompressionLevel.Optimal);
        manifestEntry.LastWriteTime = FixedTimestamp;
        using (Stream s = manifestEntry.Open())
        using (var writer = new Utf8JsonWriter(s, new JsonWriterOptions { Indented = true }))
            manifest.WriteTo(writer);
        WriteTensors(zip, root);
    }

    private static JsonArray WriteSchema(DataViewSchema schema)
    {
        var columns = new JsonArray();
        foreach (DataViewSchema.Column c in schema)
        {
            if (c.IsHidden)
                continue;
            columns.Add(new JsonObject { ["name"] = c.Name, ["type"] = DataViewTypeJson.Write(c.Type) });
        }
        return columns;
    }

    private static JsonObject WriteNode(ComponentNode node)
    {
        var o = new JsonObject
        {
            ["component"] = node.Name,
            ["version"] = node.Version,
            ["settings"] = node.Settings?.DeepClone(),
        };
        if (node.Tensors.Count > 0)
            o["tensors"] = node.TensorEntryName;
        if (node.Children.Count > 0)
        {
            var children = new JsonObject();
            foreach (KeyValuePair<string, ComponentNode> child in node.Children)
                children[child.Key] = WriteNode(child.Value);
            o["children"] = children;
        }
        return o;
    }

    private static void WriteTensors(ZipArchive zip, ComponentNode node)
    {
        if (node.Tensors.Count > 0)
        {
            // Stored uncompressed: weights barely compress, and other tools can read the entry in place.
            ZipArchiveEntry entry = zip.CreateEntry(node.TensorEntryName, CompressionLevel.NoCompression);
            entry.LastWriteTime = FixedTimestamp;
            using Stream s = entry.Open();
            SafeTensorsFile.Write(node.Tensors, s);
        }
        foreach (KeyValuePair<string, ComponentNode> child in node.Children)
            WriteTensors(zip, child.Value);
    }
}
