using Microsoft.ML.Data;

[assembly: ModelComponent("MapValueToKey", 1, typeof(Microsoft.ML.Transforms.ValueToKeyMappingTransformer))]

namespace Microsoft.ML.Transforms;

/// <summary>
/// Maps values (text, numbers, booleans; scalars or vectors) to keys 1..Count through dictionaries learned by
/// <see cref="ValueToKeyMappingEstimator"/>; unseen values map to 0 (missing). Each output carries its
/// dictionary as the <c>KeyValues</c> annotation.
/// </summary>
public sealed class ValueToKeyMappingTransformer : OneToOneTransformerBase, ILoadableTransformer<ValueToKeyMappingTransformer>
{
    private readonly KeyMap[] _maps;
    private readonly bool[] _asText;

    internal ValueToKeyMappingTransformer(InputOutputColumnPair[] columns, KeyMap[] maps, bool[] keyValuesAsText)
        : base("MapValueToKey", columns)
    {
        _maps = maps;
        _asText = keyValuesAsText;
    }

    /// <summary>Number of keys of each column's dictionary.</summary>
    public IReadOnlyList<int> KeyCounts => _maps.Select(m => m.Count).ToArray();

    /// <summary>Reads the transformer from a model file.</summary>
    public static ValueToKeyMappingTransformer Load(ModelLoadContext context)
    {
        Settings s = context.ReadSettings<Settings>();
        InputOutputColumnPair[] pairs = new ColumnPairSettings { Outputs = s.Outputs, Inputs = s.Inputs }.ToPairs(context);
        if (s.ItemTypes.Length != pairs.Length || s.KeyValuesAsText.Length != pairs.Length)
            throw context.Error($"{pairs.Length} columns but {s.ItemTypes.Length} item types and {s.KeyValuesAsText.Length} text flags");
        var maps = new KeyMap[pairs.Length];
        for (int i = 0; i < maps.Length; i++)
            maps[i] = KeyMap.Load(context, $"values.{i}", s.ItemTypes[i]);
        return new ValueToKeyMappingTransformer(pairs, maps, s.KeyValuesAsText);
    }

    /// <inheritdoc/>
    protected override void SaveModel(ModelSaveContext context)
    {
        context.WriteSettings(new Settings
        {
            Outputs = Columns.Select(c => c.OutputColumnName).ToArray(),
            Inputs = Columns.Select(c => c.InputColumnName).ToArray(),
            ItemTypes = _maps.Select(m => m.ItemType is TextDataViewType ? "String" : m.ItemType.RawType.Name).ToArray(),
            KeyValuesAsText = _asText,
        });
        for (int i = 0; i < _maps.Length; i++)
            _maps[i].Save(context, $"values.{i}");
    }

    /// <inheritdoc/>
    protected override DataViewType GetOutputType(int column, DataViewType inputType)
    {
        KeyMap map = _maps[column];
        var key = new KeyDataViewType(typeof(uint), map.Count);
        if (inputType.Equals(map.ItemType))
            return key;
        if (inputType is VectorDataViewType vector && vector.ItemType.Equals(map.ItemType))
            return new VectorDataViewType(key, vector.Dimensions);
        throw SchemaMismatch(column, $"{map.ItemType} or Vector<{map.ItemType}> (the type it was trained on)", inputType);
    }

    /// <inheritdoc/>
    protected override DataViewSchema.Annotations? GetOutputAnnotations(int column, DataViewSchema.Column inputColumn)
        => _maps[column].MakeAnnotations(_asText[column]);

    /// <inheritdoc/>
    protected override Delegate MakeGetter(DataViewRow input, int column, DataViewSchema.Column inputColumn)
        => _maps[column].MakeGetter(input, inputColumn);

    private sealed class Settings
    {
        public required string[] Outputs { get; init; }

        public required string[] Inputs { get; init; }

        public required string[] ItemTypes { get; init; }

        public required bool[] KeyValuesAsText { get; init; }
    }
}
