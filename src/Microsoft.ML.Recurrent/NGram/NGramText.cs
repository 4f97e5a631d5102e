namespace Microsoft.ML.Recurrent.NGram;

/// <summary>Spells out the words of an n-gram of <see cref="NGramModelData"/> (for error messages and ARPA output).</summary>
internal static class NGramText
{
    public static string Describe(NGramModelData data, int order, int index)
    {
        var words = new string[order];
        Fill(data, order, index, words);
        return string.Join(' ', words);
    }

    /// <summary>Writes the word ids of n-gram <paramref name="index"/> of <paramref name="order"/> into <paramref name="ids"/> (length order).</summary>
    public static void FillIds(NGramModelData data, int order, int index, Span<int> ids)
    {
        for (int k = order; k >= 2; k--)
        {
            var o = data.Higher[k - 2];
            ids[k - 1] = o.Word[index];
            index = o.Context[index];
        }
        ids[0] = index;
    }

    private static void Fill(NGramModelData data, int order, int index, string[] words)
    {
        Span<int> ids = stackalloc int[order];
        FillIds(data, order, index, ids);
        for (int i = 0; i < order; i++) words[i] = (uint)ids[i] < (uint)data.Words.Length ? data.Words[ids[i]] : $"#{ids[i]}";
    }
}
