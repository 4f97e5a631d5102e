namespace Microsoft.ML;

/// <summary>CRC-32 (IEEE 802.3, as in ZIP) to check entries against their recorded checksum.</summary>
internal static class Crc32
{
    private static readonly uint[] s_table = BuildTable();

    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        uint c = ~crc;
        uint[] table = s_table;
        foreach (byte b in data)
            c = table[(c ^ b) & 0xFF] ^ (c >> 8);
        return ~c;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            uint c = i;
            for (int k = 0; k < 8; k++)
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[i] = c;
        }
        return table;
    }
}
