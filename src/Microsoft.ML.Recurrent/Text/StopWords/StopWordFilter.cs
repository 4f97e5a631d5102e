using Microsoft.ML;
using Microsoft.ML.Data;

namespace Microsoft.ML.Recurrent.Text;

/// <summary>The type rule and getter shared by the two stop-word transformers.</summary>
internal static class StopWordFilter
{
    private static readonly VectorDataViewType s_outputType = new(TextDataViewType.Instance);

    /// <summary>Variable-size vector of text for a vector of text; null for anything else (ML.NET also requires a vector).</summary>
    public static DataViewType? OutputType(DataViewType inputType) =>
        inputType is VectorDataViewType { ItemType: TextDataViewType } ? s_outputType : null;

    public static ValueGetter<VBuffer<ReadOnlyMemory<char>>> MakeGetter(DataViewRow input, DataViewSchema.Column inputColumn, StopWordList list)
    {
        var reader = new TextCellReader(input, inputColumn);
        var tokens = new List<ReadOnlyMemory<char>>();
        var kept = new List<ReadOnlyMemory<char>>();
        return (ref VBuffer<ReadOnlyMemory<char>> value) =>
        {
            reader.Read(tokens);
            kept.Clear();
            foreach (ReadOnlyMemory<char> token in tokens)
            {
                // Only stop words go; an empty token is not one and stays.
                if (!list.Contains(token.Span))
                    kept.Add(token);
            }
            value = TokenVector.Write(kept, ref value);
        };
    }
}
