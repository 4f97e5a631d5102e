using System.Buffers.Binary;
using System.Text.Json;

namespace Microsoft.ML;

/// <summary>
/// The safetensors layout (8-byte little-endian header length N, N bytes of JSON, then the data), read from
/// and written to a byte array. Every declared size is checked against the actual bytes before use.
/// </summary>
internal sealed class SafeTensorsFile
{
    private readonly byte[] _bytes;
    private readonly long _dataStart;
    private readonly Dictionary<string, Entry> _entries;

    private SafeTensorsFile(byte[] bytes, long dataStart, Dictionary<string, Entry> entries)
    {
        _bytes = bytes;
        _dataStart = dataStart;
        _entries = entries;
    }

    public IEnumerable<string> Names => _entries.Keys;

    public bool Contains(string name) => _entries.ContainsKey(name);

    // Streams straight into the destination: a model's tensors are written once, never gathered into a second
    // whole-file buffer (that tripled the peak memory of saving a large n-gram model).
    public static void Write(IReadOnlyList<SavedTensor> tensors, Stream output)
    {
        using var header = new MemoryStream();
        using (var json = new Utf8JsonWriter(header))
        {
            json.WriteStartObject();
            long offset = 0;
            foreach (SavedTensor t in tensors)
            {
                json.WriteStartObject(t.Name);
                json.WriteString("dtype", t.DType);
                json.WriteStartArray("shape");
                foreach (long d in t.Shape)
                    json.WriteNumberValue(d);
                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(offset + t.Data.Length);
                json.WriteEndArray();
                json.WriteEndObject();
                offset += t.Data.Length;
            }
            json.WriteEndObject();
        }
        // Pad the header with spaces to a multiple of 8 so the data starts aligned, as the format recommends.
        while (header.Length % 8 != 0)
            header.WriteByte((byte)' ');
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
        output.Write(length);
        header.Position = 0;
        header.CopyTo(output);
        foreach (SavedTensor t in tensors)
            output.Write(t.Data);
    }

    public static SafeTensorsFile Read(byte[] bytes, string entryName)
    {
        if (bytes.Length < 8)
            throw new InvalidDataException($"Entry '{entryName}' holds {bytes.Length} bytes, fewer than the 8-byte safetensors header length.");
        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength > (ulong)(bytes.Length - 8) || headerLength > ModelLimits.MaxTensorHeaderBytes)
            throw new InvalidDataException($"Entry '{entryName}' declares a {headerLength}-byte safetensors header but holds only {bytes.Length - 8} bytes after the length (limit {ModelLimits.MaxTensorHeaderBytes}).");
        long dataStart = 8 + (long)headerLength;
        long dataLength = bytes.Length - dataStart;
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        try
        {
            using JsonDocument doc = JsonDocument.Parse(bytes.AsMemory(8, (int)headerLength), new JsonDocumentOptions { MaxDepth = 16 });
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw new InvalidDataException($"Entry '{entryName}': the safetensors header is not a JSON object.");
            foreach (JsonProperty p in doc.RootElement.EnumerateObject())
            {
                if (p.Name == "__metadata__")
                    continue;
                entries.Add(p.Name, ParseEntry(p, entryName, dataLength));
            }
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Entry '{entryName}': the safetensors header is not valid JSON: {e.Message}", e);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"Entry '{entryName}': duplicate tensor name in the safetensors header: {e.Message}", e);
        }
        // The data must be covered exactly, without holes or overlaps.
        long expected = 0;
        foreach (Entry e in entries.Values.OrderBy(e => e.Begin))
        {
            if (e.Begin != expected)
                throw new InvalidDataException($"Entry '{entryName}': tensor '{e.Name}' starts at byte {e.Begin}, expected {expected} (tensors must be contiguous, without holes or overlaps).");
            expected = e.End;
        }
        if (expected != dataLength)
            throw new InvalidDataException($"Entry '{entryName}': tensors cover {expected} bytes but the data holds {dataLength}.");
        return new SafeTensorsFile(bytes, dataStart, entries);
    }

    public T[] ReadTensor<T>(string name, string entryName, out long[] shape)
        where T : unmanaged
    {
        if (!_entries.TryGetValue(name, out Entry? e))
            throw new InvalidDataException($"Entry '{entryName}' has no tensor '{name}'. Present: {string.Join(", ", _entries.Keys)}.");
        string dtype = TensorDType.Of<T>();
        if (e.DType != dtype)
            throw new InvalidDataException($"Entry '{entryName}': tensor '{name}' is {e.DType}, expected {dtype}.");
        shape = e.Shape;
        // Sizes were checked against the entry's actual length when the header was read, so this fits.
        var result = new T[(e.End - e.Begin) / TensorDType.SizeOf(dtype)];
        new ReadOnlySpan<byte>(_bytes, (int)(_dataStart + e.Begin), (int)(e.End - e.Begin)).CopyTo(System.Runtime.InteropServices.MemoryMarshal.AsBytes(result.AsSpan()));
        if (typeof(T) == typeof(bool))
        {
            foreach (byte b in new ReadOnlySpan<byte>(_bytes, (int)(_dataStart + e.Begin), (int)(e.End - e.Begin)))
            {
                if (b > 1)
                    throw new InvalidDataException($"Entry '{entryName}': BOOL tensor '{name}' holds byte {b}; only 0 and 1 are valid.");
            }
        }
        return result;
    }

    private static Entry ParseEntry(JsonProperty p, string entryName, long dataLength)
    {
        string where = $"Entry '{entryName}', tensor '{p.Name}'";
        if (p.Value.ValueKind != JsonValueKind.Object
            || !p.Value.TryGetProperty("dtype", out JsonElement dtypeElement) || dtypeElement.ValueKind != JsonValueKind.String
            || !p.Value.TryGetProperty("shape", out JsonElement shapeElement) || shapeElement.ValueKind != JsonValueKind.Array
            || !p.Value.TryGetProperty("data_offsets", out JsonElement offsetsElement) || offsetsElement.ValueKind != JsonValueKind.Array || offsetsElement.GetArrayLength() != 2)
            throw new InvalidDataException($"{where}: expected {{\"dtype\": string, \"shape\": [..], \"data_offsets\": [begin, end]}}.");
        string dtype = dtypeElement.GetString()!;
        int size = TensorDType.SizeOf(dtype);
        if (size == 0)
            throw new InvalidDataException($"{where}: unknown dtype '{dtype}'.");
        if (shapeElement.GetArrayLength() > 16)
            throw new InvalidDataException($"{where}: {shapeElement.GetArrayLength()} dimensions (at most 16).");
        var shape = new long[shapeElement.GetArrayLength()];
        UInt128 count = 1;
        int i = 0;
        foreach (JsonElement d in shapeElement.EnumerateArray())
        {
            if (d.ValueKind != JsonValueKind.Number || !d.TryGetInt64(out long dim) || dim < 0)
                throw new InvalidDataException($"{where}: dimension {i} is not a non-negative integer.");
            shape[i++] = dim;
            count *= (ulong)dim;
            if (count > ulong.MaxValue)
                throw new InvalidDataException($"{where}: shape [{string.Join(", ", shape.Take(i))}...] overflows.");
        }
        if (!offsetsElement[0].TryGetInt64(out long begin) || !offsetsElement[1].TryGetInt64(out long end) || begin < 0 || end < begin)
            throw new InvalidDataException($"{where}: data_offsets must be two integers 0 <= begin <= end.");
        UInt128 declared = count * (ulong)size;
        if (declared != (ulong)(end - begin))
            throw new InvalidDataException($"{where}: shape [{string.Join(", ", shape)}] of {dtype} needs {declared} bytes but data_offsets span {end - begin}.");
        if (end > dataLength)
            throw new InvalidDataException($"{where}: declares {end - begin} bytes at [{begin}, {end}) but the entry's data holds only {dataLength} bytes (the file is truncated or damaged).");
        return new Entry(p.Name, dtype, shape, begin, end);
    }

    private sealed record Entry(string Name, string DType, long[] Shape, long Begin, long End);
}
