using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.ML.Data;

namespace Microsoft.ML;

/// <summary>
/// Reads model.zip. Never extracts to disk and never uses an entry name as a path; rejects archives with
/// suspicious entry names; bounds every read by the entry's real size and the limits of
/// <see cref="ModelLimits"/>; checks each entry's CRC-32; resolves components by name through the catalog.
/// </summary>
internal sealed class ModelReader : IDisposable
{
    public const string ManifestEntry = "manifest.json";

    private readonly ZipArchive _zip;
    private readonly ComponentCatalog _catalog;

    private ModelReader(MLContext context, ZipArchive zip)
    {
        Context = context;
        _catalog = context.ComponentCatalog;
        _zip = zip;
    }

    public MLContext Context { get; }

    public static ITransformer Load(MLContext context, Stream stream, out DataViewSchema? inputSchema)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead)
            throw new ArgumentException("The model stream must be readable.", nameof(stream));
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"Not a valid model.zip (truncated or damaged zip archive): {e.Message}", e);
        }
        using var reader = new ModelReader(context, zip);
        return reader.LoadModel(out inputSchema);
    }

    public void Dispose() => _zip.Dispose();

    private ITransformer LoadModel(out DataViewSchema? inputSchema)
    {
        CheckEntryNames();
        ZipArchiveEntry manifestEntry = _zip.GetEntry(ManifestEntry)
            ?? throw new InvalidDataException($"Not a Microsoft.ML.Recurrent model.zip: entry '{ManifestEntry}' is missing.");
        byte[] bytes = ReadEntry(manifestEntry, ModelLimits.MaxManifestBytes);
        JsonObject manifest;
        try
        {
            manifest = JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { MaxDepth = 256 }) as JsonObject
                ?? throw new InvalidDataException($"Entry '{ManifestEntry}' is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Entry '{ManifestEntry}' is not valid JSON: {e.Message}", e);
        }
        string? format = String(manifest, "format");
        if (format != ModelWriter.FormatName)
            throw new InvalidDataException($"Entry '{ManifestEntry}': field 'format' is '{format}', expected '{ModelWriter.FormatName}'.");
        int formatVersion = Int(manifest, "formatVersion", ManifestEntry);
        if (formatVersion > ModelWriter.FormatVersion)
            throw new InvalidDataException($"Entry '{ManifestEntry}': model.zip format version {formatVersion} is newer than this build of Microsoft.ML.Recurrent reads (up to {ModelWriter.FormatVersion}); update the library to load it.");
        if (formatVersion < 1)
            throw new InvalidDataException($"Entry '{ManifestEntry}': field 'formatVersion' is {formatVersion}, expected 1..{ModelWriter.FormatVersion}.");
        inputSchema = ReadSchema(manifest["inputSchema"]);
        NodeInfo root = ParseNode(manifest["model"], "model", 0);
        return LoadNode(root);
    }

    internal ITransformer LoadNode(NodeInfo node)
    {
        ComponentCatalog.Registration registration = _catalog.ResolveName(node.Name, $"Entry '{ManifestEntry}', component at '{node.Path}'");
        if (node.Version > registration.Version)
            throw new InvalidDataException($"Entry '{ManifestEntry}': component '{node.Name}' at '{node.Path}' was saved with version {node.Version}, newer than this build reads (up to {registration.Version}); update the assembly defining it.");
        var context = new ModelLoadContext(this, node);
        try
        {
            return registration.Load(context);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or IndexOutOfRangeException or KeyNotFoundException or NullReferenceException or InvalidCastException)
        {
            throw context.Error($"cannot be rebuilt: {e.Message}", e);
        }
    }

    internal SafeTensorsFile ReadTensors(string entryName)
    {
        ZipArchiveEntry entry = _zip.GetEntry(entryName) ?? throw new InvalidDataException($"Entry '{entryName}' named by '{ManifestEntry}' is missing.");
        return SafeTensorsFile.Read(ReadEntry(entry, ModelLimits.MaxTensorEntryBytes), entryName);
    }

    private void CheckEntryNames()
    {
        if (_zip.Entries.Count > ModelLimits.MaxEntries)
            throw new InvalidDataException($"model.zip holds {_zip.Entries.Count} entries (at most {ModelLimits.MaxEntries}).");
        foreach (ZipArchiveEntry entry in _zip.Entries)
        {
            string name = entry.FullName;
            if (name.Length == 0 || name.StartsWith('/') || name.StartsWith('\\') || name.Contains(':')
                || name.Split('/', '\\').Any(part => part == "..") || name.Any(char.IsControl))
                throw new InvalidDataException($"model.zip entry '{name}' has an unsafe name (absolute, drive or '..' part); the file is damaged or hostile.");
        }
    }

    // Reads an entry fully without trusting its declared size for allocation: the buffer grows with the bytes
    // actually read, the declared size is a hard limit, and the CRC-32 recorded in the archive must match.
    private static byte[] ReadEntry(ZipArchiveEntry entry, long limit)
    {
        if (entry.Length > limit)
            throw new InvalidDataException($"Entry '{entry.FullName}' declares {entry.Length} bytes, more than the limit of {limit}.");
        // Model data compresses far less than 100:1 (tensors are stored, JSON deflates ~10:1); a higher ratio is a
        // decompression bomb that would make the reader allocate a lot from a small file.
        if (entry.Length > ModelLimits.BombCheckBytes && entry.Length > ModelLimits.MaxCompressionRatio * entry.CompressedLength)
            throw new InvalidDataException($"Entry '{entry.FullName}' expands {entry.CompressedLength} compressed bytes to {entry.Length} (more than {ModelLimits.MaxCompressionRatio}:1): refusing a likely decompression bomb.");
        int declared = (int)entry.Length;
        var buffer = new byte[Math.Min(declared, 1 << 20)];
        int total = 0;
        uint crc = 0;
        try
        {
            using Stream s = entry.Open();
            while (true)
            {
                if (total == buffer.Length)
                {
                    if (total >= declared)
                    {
                        Span<byte> probe = stackalloc byte[1];
                        if (s.Read(probe) > 0)
                            throw new InvalidDataException($"Entry '{entry.FullName}' holds more than the {declared} bytes it declares.");
                        break;
                    }
                    Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, declared));
                }
                int n = s.Read(buffer, total, buffer.Length - total);
                if (n == 0)
                    break;
                crc = Crc32.Append(crc, buffer.AsSpan(total, n));
                total += n;
            }
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith("Entry '", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Entry '{entry.FullName}' is damaged: {e.Message}", e);
        }
        if (total != declared)
            throw new InvalidDataException($"Entry '{entry.FullName}' holds {total} bytes but declares {declared} (truncated or damaged).");
        if (crc != entry.Crc32)
            throw new InvalidDataException($"Entry '{entry.FullName}' fails its CRC-32 check (stored {entry.Crc32:X8}, computed {crc:X8}): the file is damaged.");
        return buffer;
    }

    private NodeInfo ParseNode(JsonNode? json, string path, int depth)
    {
        string where = $"Entry '{ManifestEntry}', component at '{path}'";
        if (depth > ModelLimits.MaxDepth)
            throw new InvalidDataException($"{where}: nesting deeper than {ModelLimits.MaxDepth}.");
        if (json is not JsonObject o)
            throw new InvalidDataException($"{where}: expected an object with 'component' and 'version'.");
        string name = String(o, "component") ?? throw new InvalidDataException($"{where}: field 'component' is missing.");
        int version = Int(o, "version", where);
        if (version < 1)
            throw new InvalidDataException($"{where}: field 'version' is {version}, expected at least 1.");
        string expectedEntry = $"tensors/{path}.safetensors";
        string? tensors = o["tensors"] is null ? null : String(o, "tensors");
        if (tensors is not null && tensors != expectedEntry)
            throw new InvalidDataException($"{where}: field 'tensors' is '{tensors}', expected '{expectedEntry}'.");
        var children = new List<KeyValuePair<string, NodeInfo>>();
        if (o["children"] is JsonObject c)
        {
            foreach (KeyValuePair<string, JsonNode?> child in c)
            {
                if (child.Key.Length == 0 || child.Key.Contains('.') || child.Key.Contains('/') || child.Key.Contains('\\'))
                    throw new InvalidDataException($"{where}: nested component name '{child.Key}' is invalid.");
                children.Add(new(child.Key, ParseNode(child.Value, $"{path}.{child.Key}", depth + 1)));
            }
        }
        else if (o["children"] is not null)
        {
            throw new InvalidDataException($"{where}: field 'children' must be an object.");
        }
        return new NodeInfo(path, name, version, o["settings"]?.DeepClone(), tensors is not null, expectedEntry, children);
    }

    private static DataViewSchema? ReadSchema(JsonNode? json)
    {
        if (json is null)
            return null;
        if (json is not JsonArray columns)
            throw new InvalidDataException($"Entry '{ManifestEntry}': field 'inputSchema' must be an array or null.");
        var builder = new DataViewSchema.Builder();
        for (int i = 0; i < columns.Count; i++)
        {
            string where = $"Entry '{ManifestEntry}', inputSchema[{i}]";
            if (columns[i] is not JsonObject c || String(c, "name") is not { Length: > 0 } name)
                throw new InvalidDataException($"{where}: expected {{\"name\": ..., \"type\": ...}}.");
            builder.AddColumn(name, DataViewTypeJson.Read(c["type"], where));
        }
        return builder.ToSchema();
    }

    private static string? String(JsonObject o, string field)
        => o[field] is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    private static int Int(JsonObject o, string field, string where)
        => o[field] is JsonValue v && v.TryGetValue(out int i) ? i : throw new InvalidDataException($"{where}: field '{field}' must be an integer.");

    internal sealed record NodeInfo(string Path, string Name, int Version, JsonNode? Settings, bool HasTensors, string TensorEntry, List<KeyValuePair<string, NodeInfo>> Children);
}
