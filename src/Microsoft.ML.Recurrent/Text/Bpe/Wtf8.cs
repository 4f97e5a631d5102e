namespace Microsoft.ML.Recurrent.Text;

/// <summary>
/// UTF-16 ↔ bytes that round-trip ANY .NET string, lone surrogates included (WTF-8: UTF-8 that encodes an
/// unpaired surrogate as its own three-byte sequence). Valid text gives exactly its UTF-8 bytes.
/// </summary>
/// <remarks>Why not <see cref="System.Text.Encoding.UTF8"/>: it replaces a lone surrogate by U+FFFD, so
/// decoding would not give the input back, and byte-level BPE promises a lossless round trip.</remarks>
internal static class Wtf8
{
    /// <summary>The largest number of bytes one UTF-16 code unit can need (three; a pair needs four for two units).</summary>
    public const int MaxBytesPerChar = 3;

    /// <summary>Encodes <paramref name="text"/> into <paramref name="bytes"/> (at least 3 × length) and returns the count.</summary>
    public static int Encode(ReadOnlySpan<char> text, Span<byte> bytes)
    {
        int w = 0;
        for (int i = 0; i < text.Length; i++)
        {
            int c = text[i];
            if (c < 0x80)
            {
                bytes[w++] = (byte)c;
            }
            else if (c < 0x800)
            {
                bytes[w++] = (byte)(0xC0 | (c >> 6));
                bytes[w++] = (byte)(0x80 | (c & 0x3F));
            }
            else if (char.IsHighSurrogate((char)c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                int cp = char.ConvertToUtf32((char)c, text[++i]);
                bytes[w++] = (byte)(0xF0 | (cp >> 18));
                bytes[w++] = (byte)(0x80 | ((cp >> 12) & 0x3F));
                bytes[w++] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                bytes[w++] = (byte)(0x80 | (cp & 0x3F));
            }
            else
            {
                // Any other BMP unit, a lone surrogate included, takes three bytes.
                bytes[w++] = (byte)(0xE0 | (c >> 12));
                bytes[w++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                bytes[w++] = (byte)(0x80 | (c & 0x3F));
            }
        }
        return w;
    }

    /// <summary>
    /// Decodes bytes written by <see cref="Encode"/> back to the exact text. A malformed sequence (possible when
    /// ids come from elsewhere, e.g. a language model) becomes U+FFFD for each byte that starts no valid sequence.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        var chars = bytes.Length <= 1024 ? stackalloc char[bytes.Length] : new char[bytes.Length];
        int w = 0;
        int i = 0;
        while (i < bytes.Length)
        {
            byte b = bytes[i];
            if (b < 0x80)
            {
                chars[w++] = (char)b;
                i++;
            }
            else if (b is >= 0xC2 and < 0xE0 && i + 1 < bytes.Length && IsContinuation(bytes[i + 1]))
            {
                chars[w++] = (char)(((b & 0x1F) << 6) | (bytes[i + 1] & 0x3F));
                i += 2;
            }
            else if (b is >= 0xE0 and < 0xF0 && i + 2 < bytes.Length && IsContinuation(bytes[i + 1]) && IsContinuation(bytes[i + 2])
                && (b != 0xE0 || bytes[i + 1] >= 0xA0))
            {
                chars[w++] = (char)(((b & 0x0F) << 12) | ((bytes[i + 1] & 0x3F) << 6) | (bytes[i + 2] & 0x3F));
                i += 3;
            }
            else if (b is >= 0xF0 and < 0xF5 && i + 3 < bytes.Length && IsContinuation(bytes[i + 1]) && IsContinuation(bytes[i + 2])
                && IsContinuation(bytes[i + 3]))
            {
                int cp = ((b & 0x07) << 18) | ((bytes[i + 1] & 0x3F) << 12) | ((bytes[i + 2] & 0x3F) << 6) | (bytes[i + 3] & 0x3F);
                if (cp is < 0x10000 or > 0x10FFFF)
                {
                    chars[w++] = '\uFFFD';
                    i++;
                    continue;
                }
                cp -= 0x10000;
                chars[w++] = (char)(0xD800 + (cp >> 10));
                chars[w++] = (char)(0xDC00 + (cp & 0x3FF));
                i += 4;
            }
            else
            {
                chars[w++] = '\uFFFD';
                i++;
            }
        }
        return new string(chars[..w]);
    }

    private static bool IsContinuation(byte b) => (b & 0xC0) == 0x80;
}
