using System.IO.Compression;
using System.Text;

namespace Microsoft.ML.Data;

/// <summary>Opens data files for line reading: UTF-8 (BOM skipped), gzip detected by its magic bytes.</summary>
internal static class DataFile
{
    // 1 MB buffers: large sequential reads measured fastest for 100 MB files; smaller ones cost syscalls.
    private const int BufferSize = 1 << 20;

    // The decoder works on whole buffers, so a throwing decoder cannot say which line is bad. Invalid bytes are
    // replaced by U+FFFF instead (a noncharacter that text does not contain) and each line is checked for it.
    private const char InvalidMarker = '\uFFFF';
    private static readonly Encoding s_utf8 = Encoding.GetEncoding("utf-8", EncoderFallback.ExceptionFallback, new DecoderReplacementFallback(InvalidMarker.ToString()));

    public static StreamReader OpenText(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        try
        {
            Span<byte> magic = stackalloc byte[2];
            int n = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
            file.Position = 0;
            Stream stream = n == 2 && magic[0] == 0x1F && magic[1] == 0x8B
                ? new BufferedStream(new GZipStream(file, CompressionMode.Decompress), BufferSize)
                : file;
            return new StreamReader(stream, s_utf8, detectEncodingFromByteOrderMarks: false, BufferSize);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Reads a line; invalid UTF-8 becomes an error naming the file and line.</summary>
    public static string? ReadLine(StreamReader reader, string path, long lineNumber)
    {
        try
        {
            string? line = reader.ReadLine();
            // A UTF-8 byte order mark at the start is not part of the data.
            if (lineNumber == 1 && line is { Length: > 0 } && line[0] == '\uFEFF')
                line = line[1..];
            if (line is not null && line.Contains(InvalidMarker))
                throw new InvalidDataException($"{path}, line {lineNumber}: the file is not valid UTF-8 (bytes at character {line.IndexOf(InvalidMarker) + 1} of the line).");
            return line;
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}, near line {lineNumber}: the gzip stream is damaged ({e.Message}).", e);
        }
    }
}
