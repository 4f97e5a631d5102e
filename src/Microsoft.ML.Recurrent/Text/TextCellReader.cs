using Microsoft.ML;
using Microsoft.ML.Data;

namespace Microsoft.ML.Recurrent.Text;

/// <summary>
/// Reads the text of one row from a text column that is a scalar (one text) or a vector of text (its items in
/// slot order; slots a sparse vector leaves out are empty texts), for transformers that accept both shapes.
/// Created once per cursor; the list it fills is reused row after row.
/// </summary>
internal sealed class TextCellReader
{
    private readonly ValueGetter<ReadOnlyMemory<char>>? _scalar;
    private readonly ValueGetter<VBuffer<ReadOnlyMemory<char>>>? _vector;
    private ReadOnlyMemory<char> _text;
    private VBuffer<ReadOnlyMemory<char>> _buffer;

    public TextCellReader(DataViewRow input, DataViewSchema.Column column)
    {
        if (column.Type is TextDataViewType)
            _scalar = input.GetGetter<ReadOnlyMemory<char>>(column);
        else
            _vector = input.GetGetter<VBuffer<ReadOnlyMemory<char>>>(column);
    }

    /// <summary>True when the column is text or a vector of text.</summary>
    public static bool Accepts(DataViewType type) =>
        type is TextDataViewType || (type is VectorDataViewType v && v.ItemType is TextDataViewType);

    /// <summary>Clears <paramref name="texts"/> and fills it with the current row's texts.</summary>
    public void Read(List<ReadOnlyMemory<char>> texts)
    {
        texts.Clear();
        if (_scalar is not null)
        {
            _scalar(ref _text);
            texts.Add(_text);
            return;
        }
        _vector!(ref _buffer);
        ReadOnlySpan<ReadOnlyMemory<char>> values = _buffer.GetValues();
        if (_buffer.IsDense)
        {
            foreach (ReadOnlyMemory<char> value in values)
                texts.Add(value);
            return;
        }
        ReadOnlySpan<int> indices = _buffer.GetIndices();
        int next = 0;
        for (int slot = 0; slot < _buffer.Length; slot++)
            texts.Add(next < indices.Length && indices[next] == slot ? values[next++] : ReadOnlyMemory<char>.Empty);
    }
}
