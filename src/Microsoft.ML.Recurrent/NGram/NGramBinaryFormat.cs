using System.Runtime.InteropServices;
using System.Text;

namespace Microsoft.ML.Recurrent.NGram;

/// <summary>
/// The compact binary form of an n-gram model (little-endian), stored as one entry of model.zip:
/// <code>
/// "RNGRAM01"  int32 version = 1, order, smoothing (enum value), vocabulary size V
/// V × (int32 byte length, UTF-8 bytes)                       the words, id order
/// float32[V] unigram log10 p, float32[V] unigram log10 back-off
/// for each order k = 2..N: int32 count, int32[count] context, int32[count] word, float32[count] log10 p, float32[count] log10 back-off
/// </code>
/// N-grams are the canonical sorted arrays (16 bytes each, no strings). Loading checks every size against the bytes
/// that remain before allocating, and every index against its range, and names the field that is wrong.
/// </summary>
internal static class NGramBinaryFormat
{
    private static ReadOnlySpan<byte> Magic => "RNGRAM01"u8;
    private const int Version = 1;

    public static void Write(NGramModelData data, NGramSmoothing smoothing, Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(data.Order);
        writer.Write((int)smoothing);
        writer.Write(data.Words.Length);
        foreach (string w in data.Words)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(w);
            writer.Write(bytes.Length);
            writer.Write(bytes);
        }
        writer.Write(MemoryMarshal.AsBytes(data.UnigramProb.AsSpan()));
        writer.Write(MemoryMarshal.AsBytes(data.UnigramBackoff.AsSpan()));
        foreach (var order in data.Higher)
        {
            writer.Write(order.Count);
            writer.Write(MemoryMarshal.AsBytes(order.Context.AsSpan()));
            writer.Write(MemoryMarshal.AsBytes(order.Word.AsSpan()));
            writer.Write(MemoryMarshal.AsBytes(order.Prob.AsSpan()));
            writer.Write(MemoryMarshal.AsBytes(order.Backoff.AsSpan()));
        }
        writer.Flush();
    }

    /// <summary>Reads a model written by <see cref="Write"/>; <paramref name="source"/> names the entry in errors.</summary>
    public static (NGramModelData Data, NGramSmoothing Smoothing) Read(Stream stream, string source)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("N-gram model files are little-endian; this platform is not.");
        byte[] bytes;
        using (var buffer = new MemoryStream())
        {
            stream.CopyTo(buffer);
            bytes = buffer.ToArray();
        }
        var r = new SpanReader(bytes, source);
        if (!r.Take(8).SequenceEqual(Magic)) throw r.Error("magic", "the file does not start with 'RNGRAM01': not an n-gram model");
        int version = r.Int32("version");
        if (version != Version) throw r.Error("version", $"version {version} is not supported (expected {Version})");
        int order = r.Int32("order");
        if (order < 1 || order > NGramOptions.MaxOrder) throw r.Error("order", $"{order} is outside 1..{NGramOptions.MaxOrder}");
        int smoothingValue = r.Int32("smoothing");
        var smoothing = (NGramSmoothing)smoothingValue;
        if (!Enum.IsDefined(smoothing)) throw r.Error("smoothing", $"{smoothingValue} is not a known smoothing");
        int vocabulary = r.Count("vocabulary size", 4);
        if (vocabulary < 3) throw r.Error("vocabulary size", $"{vocabulary} is below 3 (the unknown word, <s>, </s>)");
        var words = new string[vocabulary];
        for (int i = 0; i < vocabulary; i++)
        {
            int length = r.Count($"length of word {i}", 1);
            words[i] = Encoding.UTF8.GetString(r.Take(length));
        }
        var unigramProb = r.Floats("unigram probabilities", vocabulary);
        var unigramBackoff = r.Floats("unigram back-offs", vocabulary);
        var higher = new NGramOrderData[order - 1];
        for (int k = 2; k <= order; k++)
        {
            int count = r.Count($"{k}-gram count", 16);
            var context = r.Ints($"{k}-gram contexts", count);
            var word = r.Ints($"{k}-gram words", count);
            var prob = r.Floats($"{k}-gram probabilities", count);
            var backoff = r.Floats($"{k}-gram back-offs", count);
            higher[k - 2] = new NGramOrderData(k, context, word, prob, backoff);
        }
        if (r.Remaining != 0) throw r.Error("end", $"{r.Remaining} unexpected bytes after the last order");
        var data = new NGramModelData(order, words, unigramProb, unigramBackoff, higher);
        string? problem = data.FindProblem(out string field);
        if (problem is not null) throw r.Error(field, problem);
        return (data, smoothing);
    }

    private ref struct SpanReader
    {
        private readonly ReadOnlySpan<byte> _bytes;
        private readonly string _source;
        private int _position;

        public SpanReader(ReadOnlySpan<byte> bytes, string source)
        {
            _bytes = bytes;
            _source = source;
            _position = 0;
        }

        public readonly int Remaining => _bytes.Length - _position;

        public ReadOnlySpan<byte> Take(int length)
        {
            if (length > Remaining) throw Error("data", $"needs {length} more bytes at offset {_position} but only {Remaining} remain (truncated file)");
            var span = _bytes.Slice(_position, length);
            _position += length;
            return span;
        }

        public int Int32(string field) => BitConverter.ToInt32(TakeField(field, 4));

        /// <summary>A count of items of <paramref name="bytesEach"/> bytes, checked against the bytes that remain.</summary>
        public int Count(string field, int bytesEach)
        {
            int count = Int32(field);
            if (count < 0 || (long)count * bytesEach > Remaining)
                throw Error(field, $"{count} items of {bytesEach} bytes do not fit in the {Remaining} bytes that remain");
            return count;
        }

        public float[] Floats(string field, int count) => MemoryMarshal.Cast<byte, float>(TakeField(field, checked(count * 4))).ToArray();

        public int[] Ints(string field, int count) => MemoryMarshal.Cast<byte, int>(TakeField(field, checked(count * 4))).ToArray();

        private ReadOnlySpan<byte> TakeField(string field, int length)
        {
            if (length > Remaining) throw Error(field, $"needs {length} bytes at offset {_position} but only {Remaining} remain (truncated file)");
            var span = _bytes.Slice(_position, length);
            _position += length;
            return span;
        }

        public readonly InvalidDataException Error(string field, string message) => new($"{_source}: field '{field}': {message}.");
    }
}
