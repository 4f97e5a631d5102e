using Microsoft.ML.Data;

namespace Microsoft.ML.Recurrent.NGram;

/// <summary>
/// Reads the words of one row from the token column: a vector of text, a vector of keys whose <c>KeyValues</c> give the
/// words (key 0, missing, reads as the unknown word), or a text column split on white space.
/// </summary>
internal sealed class NGramTokenColumn
{
    private const string Expected = "Vector<String>, Vector<Key> with KeyValues, or String";

    private readonly ValueGetter<VBuffer<ReadOnlyMemory<char>>>? _textVector;
    private readonly ValueGetter<VBuffer<uint>>? _keyVector;
    private readonly ValueGetter<ReadOnlyMemory<char>>? _text;
    private readonly string[]? _keyWords;
    private VBuffer<ReadOnlyMemory<char>> _textBuffer;
    private VBuffer<uint> _keyBuffer;
    private ReadOnlyMemory<char> _textValue;

    public NGramTokenColumn(DataViewRow row, DataViewSchema.Column column)
    {
        switch (column.Type)
        {
            case VectorDataViewType { ItemType: TextDataViewType }:
                _textVector = row.GetGetter<VBuffer<ReadOnlyMemory<char>>>(column);
                break;
            case VectorDataViewType { ItemType: KeyDataViewType key } when key.RawType == typeof(uint):
                _keyVector = row.GetGetter<VBuffer<uint>>(column);
                var values = default(VBuffer<ReadOnlyMemory<char>>);
                column.GetKeyValues(ref values);
                _keyWords = new string[(int)key.Count + 1];
                for (int i = 0; i < (int)key.Count; i++) _keyWords[i + 1] = values.GetItemOrDefault(i).ToString();
                break;
            case TextDataViewType:
                _text = row.GetGetter<ReadOnlyMemory<char>>(column);
                break;
            default:
                throw new SchemaMismatchException("NGramLanguageModel", column.Name, Expected, column.Type.ToString()!);
        }
    }

    /// <summary>The input column, or the same <see cref="SchemaMismatchException"/> as the estimator and transformer give.</summary>
    public static DataViewSchema.Column Find(DataViewSchema schema, string name)
    {
        var column = schema.GetColumnOrNull(name) ?? throw SchemaMismatchException.Missing("NGramLanguageModel", name, Expected, schema);
        bool ok = column.Type switch
        {
            VectorDataViewType { ItemType: TextDataViewType } => true,
            VectorDataViewType { ItemType: KeyDataViewType key } => key.RawType == typeof(uint) && column.HasKeyValues(),
            TextDataViewType => true,
            _ => false,
        };
        if (!ok) throw new SchemaMismatchException("NGramLanguageModel", name, Expected, column.Type.ToString()!);
        return column;
    }

    /// <summary>The current row's words (allocates: used when fitting); a missing key reads as <paramref name="unknownWord"/>.</summary>
    public List<string> ReadWords(string unknownWord)
    {
        var words = new List<string>();
        Read(words.Add, unknownWord);
        return words;
    }

    /// <summary>The current row's words as model ids, into <paramref name="ids"/> (grown as needed); returns the count.</summary>
    public int ReadIds(NGramVocabulary vocabulary, ref int[] ids)
    {
        int n = 0;
        if (_textVector is not null)
        {
            _textVector(ref _textBuffer);
            var values = _textBuffer.GetValues();
            if (ids.Length < _textBuffer.Length) ids = new int[_textBuffer.Length];
            if (_textBuffer.IsDense)
                foreach (var word in values) ids[n++] = vocabulary.GetId(word.Span);
            else
                for (int i = 0; i < _textBuffer.Length; i++) ids[n++] = vocabulary.GetId(_textBuffer.GetItemOrDefault(i).Span);
            return n;
        }
        if (_keyVector is not null)
        {
            _keyVector(ref _keyBuffer);
            if (ids.Length < _keyBuffer.Length) ids = new int[_keyBuffer.Length];
            for (int i = 0; i < _keyBuffer.Length; i++)
            {
                uint key = _keyBuffer.GetItemOrDefault(i);
                ids[n++] = key == 0 || key >= (uint)_keyWords!.Length ? NGramVocabulary.UnknownId : vocabulary.GetId(_keyWords[key]);
            }
            return n;
        }
        _text!(ref _textValue);
        var text = _textValue.Span;
        foreach (var range in text.SplitAny(" \t\r\n\0"))
        {
            if (range.Start.Equals(range.End)) continue;
            if (n == ids.Length) Array.Resize(ref ids, Math.Max(16, n * 2));
            ids[n++] = vocabulary.GetId(text[range]);
        }
        return n;
    }

    /// <summary>The current row's last token as text (for word completion), or empty.</summary>
    public string LastToken()
    {
        string last = "";
        Read(w => last = w, "");
        return last;
    }

    private void Read(Action<string> add, string unknownWord)
    {
        if (_textVector is not null)
        {
            _textVector(ref _textBuffer);
            for (int i = 0; i < _textBuffer.Length; i++) AddWords(_textBuffer.GetItemOrDefault(i).Span, add);
        }
        else if (_keyVector is not null)
        {
            _keyVector(ref _keyBuffer);
            for (int i = 0; i < _keyBuffer.Length; i++)
            {
                uint key = _keyBuffer.GetItemOrDefault(i);
                add(key == 0 || key >= (uint)_keyWords!.Length ? unknownWord : _keyWords[key]);
            }
        }
        else
        {
            _text!(ref _textValue);
            AddWords(_textValue.Span, add);
        }
    }

    // A token that itself holds white space would break the one-token-per-word contract: split it.
    private static void AddWords(ReadOnlySpan<char> text, Action<string> add)
    {
        foreach (var range in text.SplitAny(" \t\r\n\0"))
            if (!range.Start.Equals(range.End)) add(text[range].ToString());
    }
}
