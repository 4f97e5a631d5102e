using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Microsoft.ML.Recurrent.Tensors.IO;

/// <summary>
/// Writes float32 tensors in the safetensors layout, readable by PyTorch's safetensors package
/// (<c>safetensors.torch.load_file</c>) and by <see cref="SafeTensorsReader"/>.
/// </summary>
public static class SafeTensorsWriter
{
    /// <summary>Writes tensors, in the given order, to a file.</summary>
    /// <param name="path">Destination file (overwritten).</param>
    /// <param name="tensors">Tensors by name (e.g. <see cref="Layers.Module.NamedParameters"/>).</param>
    /// <param name="metadata">Optional string pairs stored under <c>__metadata__</c>.</param>
    /// <exception cref="ArgumentException">A name repeats or is <c>__metadata__</c>.</exception>
    public static void Write(string path, IEnumerable<KeyValuePair<string, Tensor>> tensors,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        using var stream = File.Create(path);
        Write(stream, tensors, metadata);
    }

    /// <summary>Writes tensors, in the given order, to a stream.</summary>
    /// <exception cref="ArgumentException">A name repeats or is <c>__metadata__</c>.</exception>
    public static void Write(Stream stream, IEnumerable<KeyValuePair<string, Tensor>> tensors,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(tensors);
        var list = new List<KeyValuePair<string, Tensor>>(tensors);
        var names = new HashSet<string>(StringComparer.Ordinal);
        using var json = new MemoryStream();
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                writer.WriteStartObject("__metadata__");
                foreach (var m in metadata)
                {
                    writer.WriteString(m.Key, m.Value);
                }
                writer.WriteEndObject();
            }
            long offset = 0;
            foreach (var (name, tensor) in list)
            {
                if (name == "__metadata__" || !names.Add(name))
                {
                    throw new ArgumentException($"Tensor name '{name}' is repeated or reserved.", nameof(tensors));
                }
                writer.WriteStartObject(name);
                writer.WriteString("dtype", "F32");
                writer.WriteStartArray("shape");
                for (int i = 0; i < tensor.Shape.Rank; i++)
                {
                    writer.WriteNumberValue(tensor.Shape[i]);
                }
                writer.WriteEndArray();
                writer.WriteStartArray("data_offsets");
                writer.WriteNumberValue(offset);
                offset += (long)tensor.Length * sizeof(float);
                writer.WriteNumberValue(offset);
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        // The reference pads the header with spaces to a multiple of 8 so the data that follows is aligned.
        int pad = (int)((8 - json.Length % 8) % 8);
        for (int i = 0; i < pad; i++)
        {
            json.WriteByte((byte)' ');
        }
        Span<byte> length = stackalloc byte[8];
        BitConverter.TryWriteBytes(length, (ulong)json.Length);
        stream.Write(length);
        json.Position = 0;
        json.CopyTo(stream);
        foreach (var (_, tensor) in list)
        {
            stream.Write(MemoryMarshal.AsBytes(tensor.Span));
        }
    }
}
