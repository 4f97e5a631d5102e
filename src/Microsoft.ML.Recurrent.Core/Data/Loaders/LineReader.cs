using System.Text;

namespace Microsoft.ML.Data;

/// <summary>
/// Reads UTF-8 lines as <see cref="ReadOnlyMemory{T}"/> slices of decoded character chunks. A chunk is never
/// reused, so a line (and any text slice of it) stays valid after the reader moves on, without a string per
/// line; chunks are sized to stay below the large-object heap. '\n' and "\r\n" end lines.
/// </summary>
internal sealed class LineReader : IDisposable
{
    // 16 KB of bytes per read: the resulting chunk (≤ 16 K chars + a partial line, 2 bytes each) stays under the
    // 85,000-byte large-object threshold for ordinary line lengths, so chunks die young in gen 0.
    private const int ReadBytes = 16 << 10;

    // Invalid UTF-8 decodes to U+FFFF (a noncharacter that text does not contain); each line is checked for it,
    // so the error can name the line, which a throwing decoder working on whole buffers cannot.
    private const char InvalidMarker = '\uFFFF';

    private static readonly Encoding s_utf8 = Encoding.GetEncoding("utf-8", EncoderFallback.ExceptionFallback, new DecoderReplacementFallback(InvalidMarker.ToString()));

    private readonly Stream _stream;
    private readonly string _path;
    private readonly Decoder _decoder = s_utf8.GetDecoder();
    private readonly byte[] _bytes = new byte[ReadBytes];
    private char[] _chunk = [];
    private int _start;
    private int _end;
    private bool _eof;

    public LineReader(Stream stream, string path)
    {
        _stream = stream;
        _path = path;
    }

    /// <summary>Number of lines read so far (the current line's 1-based number).</summary>
    public long LineNumber { get; private set; }

    public bool TryReadLine(out ReadOnlyMemory<char> line)
    {
        while (true)
        {
            int newline = _chunk.AsSpan(_start, _end - _start).IndexOf('\n');
            if (newline >= 0)
            {
                line = Finish(_start, newline);
                _start += newline + 1;
                return true;
            }
            if (_eof)
            {
                if (_start < _end)
                {
                    line = Finish(_start, _end - _start);
                    _start = _end;
                    return true;
                }
                line = default;
                return false;
            }
            Refill();
        }
    }

    public void Dispose() => _stream.Dispose();

    private ReadOnlyMemory<char> Finish(int start, int length)
    {
        LineNumber++;
        if (length > 0 && _chunk[start + length - 1] == '\r')
            length--;
        if (LineNumber == 1 && length > 0 && _chunk[start] == '\uFEFF')
        {
            start++;
            length--;
        }
        ReadOnlySpan<char> span = _chunk.AsSpan(start, length);
        int invalid = span.IndexOf(InvalidMarker);
        if (invalid >= 0)
            throw new InvalidDataException($"{_path}, line {LineNumber}: the file is not valid UTF-8 (bytes at character {invalid + 1} of the line).");
        return _chunk.AsMemory(start, length);
    }

    // Moves the unfinished line into a new chunk and decodes the next bytes after it; earlier chunks stay untouched.
    private void Refill()
    {
        int partial = _end - _start;
        int read;
        try
        {
            read = _stream.ReadAtLeast(_bytes, _bytes.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{_path}, near line {LineNumber + 1}: the compressed stream is damaged ({e.Message}).", e);
        }
        // UTF-8 gives at most one char per byte, plus up to two for bytes pending from the previous read.
        var next = new char[partial + read + 4];
        _chunk.AsSpan(_start, partial).CopyTo(next);
        int decoded = _decoder.GetChars(_bytes, 0, read, next, partial, flush: read == 0);
        _chunk = next;
        _start = 0;
        _end = partial + decoded;
        _eof = read == 0;
    }
}
