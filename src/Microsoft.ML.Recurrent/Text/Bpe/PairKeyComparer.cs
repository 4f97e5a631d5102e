namespace Microsoft.ML.Recurrent.Text;

/// <summary>
/// Hashes a token pair key (<c>left &lt;&lt; 32 | right</c>) with a multiplicative mix. Why not the default: long's hash
/// is <c>left ^ right</c>, so (a, b) and (b, a), and in general most pairs of small ids, share a hash; with a 16k
/// vocabulary the chains made every lookup a scan (training and encoding were several times slower).
/// </summary>
internal sealed class PairKeyComparer : IEqualityComparer<long>
{
    public static readonly PairKeyComparer Instance = new();

    public bool Equals(long x, long y) => x == y;

    public int GetHashCode(long key) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> 32);
}
