using System.Runtime.InteropServices;
using System.Text.Json;

namespace Microsoft.ML.Recurrent.Tensors.IO;

/// <summary>
/// Reads float32 tensors from the safetensors layout (8-byte little-endian header length, a JSON header mapping
/// names to dtype/shape/data_offsets, then raw little-endian data), as written by PyTorch's safetensors package.
/// </summary>
/// <remarks>
/// A file is untrusted input: the header length, every shape and every offset are checked against the file size
/// and against each other before any tensor memory is allocated, and a damaged file gives an
/// <see cref="InvalidDataException"/> that names the tensor and the field, never a crash or a huge allocation.
/// </remarks>
public static class SafeTensorsReader
{
    /// <summary>Largest header accepted, in bytes (100 MB, as the reference implementation).</summary>
    public const long MaxHeaderBytes = 100_000_000;

    /// <summary>Reads every tensor of a file (caller-owned tensors, by name).</summary>
    /// <exception cref="InvalidDataException">The file is damaged or holds a dtype other than F32.</exception>
    public static Dictionary<string, Tensor> Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>Reads every tensor from a seekable stream positioned at the start of the safetensors data.</summary>
    /// <param name="stream">The data; must support seeking and length.</param>
    /// <param name="source">A name for error messages (file or zip entry).</param>
    /// <exception cref="InvalidDataException">The data is damaged or holds a dtype other than F32.</exception>
    public static Dictionary<string, Tensor> Read(Stream stream, string source = "stream")
    {
        ArgumentNullException.ThrowIfNull(stream);
        long start = stream.Position;
        long total = stream.Length - start;
        if (total < 8)
        {
            throw Damaged(source, $"{total} bytes is too short for the 8-byte header length");
        }
        Span<byte> lengthBytes = stackalloc byte[8];
        stream.ReadExactly(lengthBytes);
        ulong headerLength = BitConverter.ToUInt64(lengthBytes);
        if (headerLength > (ulong)Math.Min(MaxHeaderBytes, total - 8))
        {
            throw Damaged(source, $"header length {headerLength} exceeds the {total - 8} bytes after it (or the {MaxHeaderBytes}-byte limit)");
        }
        var header = new byte[headerLength];
        stream.ReadExactly(header);
        long dataStart = start + 8 + (long)headerLength;
        long dataLength = total - 8 - (long)headerLength;
        var entries = ParseHeader(header, dataLength, source);

        var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        try
        {
            foreach (var e in entries)
            {
                var t = Tensor.Zeros(e.Shape);
                stream.Position = dataStart + e.Begin;
                stream.ReadExactly(MemoryMarshal.AsBytes(t.Span));
                if (!BitConverter.IsLittleEndian)
                {
                    throw new PlatformNotSupportedException("safetensors data is little-endian; big-endian hosts are not supported.");
                }
                result.Add(e.Name, t);
            }
        }
        catch
        {
            foreach (var t in result.Values)
            {
                t.Dispose();
            }
            throw;
        }
        return result;
    }

    private readonly record struct Entry(string Name, Shape Shape, long Begin);

    private static List<Entry> ParseHeader(byte[] header, long dataLength, string source)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(header);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"safetensors '{source}': the header is not valid JSON ({ex.Message}).", ex);
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Damaged(source, "the header is not a JSON object");
            }
            var entries = new List<Entry>();
            var ranges = new List<(long Begin, long End, string Name)>();
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                if (property.Name == "__metadata__")
                {
                    continue;
                }
                var (entry, end) = ParseEntry(property, dataLength, source);
                entries.Add(entry);
                ranges.Add((entry.Begin, end, entry.Name));
            }
            ranges.Sort((a, b) => a.Begin.CompareTo(b.Begin));
            for (int i = 1; i < ranges.Count; i++)
            {
                if (ranges[i].Begin < ranges[i - 1].End)
                {
                    throw Damaged(source, $"tensors '{ranges[i - 1].Name}' and '{ranges[i].Name}' overlap");
                }
            }
            return entries;
        }
    }

    private static (Entry Entry, long End) ParseEntry(JsonProperty property, long dataLength, string source)
    {
        string name = property.Name;
        var value = property.Value;
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Damaged(source, $"tensor '{name}': entry is not an object");
        }
        if (!value.TryGetProperty("dtype", out var dtype) || dtype.ValueKind != JsonValueKind.String)
        {
            throw Damaged(source, $"tensor '{name}': missing field 'dtype'");
        }
        if (dtype.GetString() != "F32")
        {
            throw Damaged(source, $"tensor '{name}': dtype '{dtype.GetString()}' is not supported (expected F32)");
        }
        if (!value.TryGetProperty("shape", out var shapeElement) || shapeElement.ValueKind != JsonValueKind.Array)
        {
            throw Damaged(source, $"tensor '{name}': missing field 'shape'");
        }
        int rank = shapeElement.GetArrayLength();
        if (rank > Shape.MaxRank)
        {
            throw Damaged(source, $"tensor '{name}': field 'shape' has rank {rank}; at most {Shape.MaxRank} is supported");
        }
        Span<int> dims = stackalloc int[rank];
        long elements = 1;
        int k = 0;
        foreach (var dim in shapeElement.EnumerateArray())
        {
            if (dim.ValueKind != JsonValueKind.Number || !dim.TryGetInt32(out int v) || v < 0)
            {
                throw Damaged(source, $"tensor '{name}': field 'shape' holds {dim.GetRawText()}, not a dimension >= 0");
            }
            dims[k++] = v;
            elements *= v;
            if (elements > int.MaxValue)
            {
                throw Damaged(source, $"tensor '{name}': field 'shape' describes more than {int.MaxValue} elements");
            }
        }
        if (!value.TryGetProperty("data_offsets", out var offsets) || offsets.ValueKind != JsonValueKind.Array
            || offsets.GetArrayLength() != 2)
        {
            throw Damaged(source, $"tensor '{name}': field 'data_offsets' must be [begin, end]");
        }
        if (!offsets[0].TryGetInt64(out long begin) || !offsets[1].TryGetInt64(out long end)
            || begin < 0 || end < begin || end > dataLength)
        {
            throw Damaged(source, $"tensor '{name}': field 'data_offsets' {offsets.GetRawText()} is outside the {dataLength} data bytes");
        }
        if (end - begin != elements * sizeof(float))
        {
            throw Damaged(source, $"tensor '{name}': field 'data_offsets' spans {end - begin} bytes but shape {new Shape(dims)} needs {elements * sizeof(float)}");
        }
        return (new Entry(name, new Shape(dims), begin), end);
    }

    private static InvalidDataException Damaged(string source, string what) =>
        new($"safetensors '{source}' is damaged: {what}.");
}
