namespace Microsoft.ML.Recurrent.Text.Stemming;

/// <summary>
/// Maps one word to another (its stem, its lemma). Implemented by structs so that <see cref="WordColumnGetter"/> is
/// specialised per mapper and the per-word call is direct.
/// </summary>
internal interface IWordMapper
{
    /// <summary>
    /// Maps <paramref name="word"/>. Returns a slice of <paramref name="word"/> or an immutable string's memory when
    /// possible, otherwise a new array: the result is handed out of a getter and must never change afterwards.
    /// <paramref name="scratch"/> is a per-getter work buffer the mapper may grow.
    /// </summary>
    ReadOnlyMemory<char> Map(ReadOnlyMemory<char> word, ref char[] scratch);
}
