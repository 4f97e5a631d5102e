using System.IO.Compression;

namespace Microsoft.ML.Data;

/// <summary>Opens data files for line reading: UTF-8 (BOM skipped, see <see cref="LineReader"/>), gzip detected by its magic bytes.</summary>
internal static class DataFile
{
    // 1 MB file buffers keep the number of read calls on large files low.
    private const int BufferSize = 1 << 20;

    /// <summary>Opens <paramref name="path"/> for reading lines (gzip detected by its magic bytes).</summary>
    public static LineReader OpenLines(string path)
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
            return new LineReader(stream, path);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }
}
