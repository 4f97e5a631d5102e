using System.Globalization;
using Microsoft.ML.Data;

namespace Microsoft.ML.Recurrent.LanguageModels;

/// <summary>
/// Reads a vector-of-keys input column (from <c>MapValueToKey</c> or <c>MapTokensToKeys</c>) as tokens, so that a
/// language model trained on keys keeps a vocabulary of words (and a model.zip that does not depend on the key
/// numbering of the pipeline that fed it): key k ≥ 1 is the k-th entry of the column's text <c>KeyValues</c>
/// annotation, or, when the column has no text key values, the number k itself ("17"); key 0 (missing, ML.NET's
/// out-of-vocabulary key) is <see cref="LanguageModelVocabulary.UnknownToken"/>.
/// </summary>
internal sealed class KeyTokens
{
    private readonly string _column;
    private readonly ulong _count;
    private readonly string[]? _names;

    /// <summary>Reads the key values of <paramref name="column"/> (which must satisfy <see cref="IsKeyVector"/>).</summary>
    public KeyTokens(DataViewSchema.Column column)
    {
        _column = column.Name;
        var key = (KeyDataViewType)((VectorDataViewType)column.Type).ItemType;
        _count = key.Count;
        if (column.HasKeyValues()
            && column.Annotations.Schema[AnnotationKinds.KeyValues].Type is VectorDataViewType { ItemType: TextDataViewType })
        {
            VBuffer<ReadOnlyMemory<char>> values = default;
            column.GetKeyValues(ref values);
            _names = new string[values.Length];
            int i = 0;
            foreach (var value in values.DenseValues())
            {
                _names[i++] = value.ToString();
            }
        }
    }

    /// <summary>True for a vector of UInt32 keys (the key type of ML.NET's key-mapping transforms).</summary>
    public static bool IsKeyVector(DataViewType type) =>
        type is VectorDataViewType { ItemType: KeyDataViewType key } && key.RawType == typeof(uint);

    /// <summary>Appends the tokens of one row's keys.</summary>
    /// <exception cref="ArgumentException">A key is above the key type's count or names an empty token (column, row
    /// and key named).</exception>
    public void AddTokens(in VBuffer<uint> keys, List<string> tokens, long row)
    {
        foreach (uint k in keys.DenseValues())
        {
            if (k == 0)
            {
                tokens.Add(LanguageModelVocabulary.UnknownToken);
                continue;
            }
            if (k > _count)
            {
                throw new ArgumentException(
                    $"Column '{_column}', row {row}: key {k} is above the key type's count {_count}.");
            }
            string token = _names is null ? k.ToString(CultureInfo.InvariantCulture) : _names[k - 1];
            if (token.Length == 0)
            {
                throw new ArgumentException($"Column '{_column}', row {row}: key {k} names an empty token.");
            }
            tokens.Add(token);
        }
    }
}
