using Microsoft.ML;
using Microsoft.ML.Data;

namespace Microsoft.ML.Recurrent.Text.Stemming;

/// <summary>
/// Getters that apply an <see cref="IWordMapper"/> to a text column, keeping its shape: scalar text gives scalar text,
/// a vector of text (known or variable size, dense or sparse) gives a vector of text of the same length.
/// </summary>
internal static class WordColumnGetter
{
    /// <summary>What the word transforms accept, for schema messages.</summary>
    public const string Accepted = "String or vector of String";

    /// <summary>The output type for <paramref name="inputType"/>, or null when it is not text or a vector of text.</summary>
    public static DataViewType? OutputTypeFor(DataViewType inputType) => inputType switch
    {
        TextDataViewType => TextDataViewType.Instance,
        VectorDataViewType { ItemType: TextDataViewType } vector => vector,
        _ => null,
    };

    /// <summary>A getter of the mapped <paramref name="column"/> of <paramref name="input"/>; buffers live in the closure.</summary>
    public static Delegate Create<TMapper>(DataViewRow input, DataViewSchema.Column column, TMapper mapper)
        where TMapper : struct, IWordMapper
    {
        char[] scratch = [];
        if (column.Type is TextDataViewType)
        {
            ValueGetter<ReadOnlyMemory<char>> source = input.GetGetter<ReadOnlyMemory<char>>(column);
            ReadOnlyMemory<char> word = default;
            return (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> value) =>
            {
                source(ref word);
                value = mapper.Map(word, ref scratch);
            });
        }

        ValueGetter<VBuffer<ReadOnlyMemory<char>>> vectorSource = input.GetGetter<VBuffer<ReadOnlyMemory<char>>>(column);
        VBuffer<ReadOnlyMemory<char>> words = default;
        return (ValueGetter<VBuffer<ReadOnlyMemory<char>>>)((ref VBuffer<ReadOnlyMemory<char>> value) =>
        {
            vectorSource(ref words);
            ReadOnlySpan<ReadOnlyMemory<char>> items = words.GetValues();
            var editor = VBufferEditor.Create(ref value, words.Length, items.Length);
            for (int i = 0; i < items.Length; i++)
                editor.Values[i] = mapper.Map(items[i], ref scratch);
            if (!words.IsDense)
                words.GetIndices().CopyTo(editor.Indices);
            value = editor.Commit();
        });
    }
}
