using Microsoft.ML.Data;
using Microsoft.ML.Runtime;

namespace Microsoft.ML.Transforms;

/// <summary>
/// Learns one dictionary per column from the data (or from <c>keyData</c>) and returns a
/// <see cref="ValueToKeyMappingTransformer"/>. Accepts text, number and boolean columns, scalar or vector.
/// </summary>
public sealed partial class ValueToKeyMappingEstimator : IEstimator<ValueToKeyMappingTransformer>
{
    private readonly MLContext _context;
    private readonly InputOutputColumnPair[] _columns;
    private readonly int _maximumNumberOfKeys;
    private readonly KeyOrdinality _ordinality;
    private readonly bool _asText;
    private readonly IDataView? _keyData;

    /// <summary>Creates the estimator; see <see cref="ConversionsExtensionsCatalog.MapValueToKey(TransformsCatalog.ConversionTransforms, string, string?, int, KeyOrdinality, bool, IDataView?)"/>.</summary>
    public ValueToKeyMappingEstimator(MLContext context, InputOutputColumnPair[] columns, int maximumNumberOfKeys = Defaults.MaximumNumberOfKeys,
        KeyOrdinality keyOrdinality = Defaults.Ordinality, bool addKeyValueAnnotationsAsText = Defaults.AddKeyValueAnnotationsAsText, IDataView? keyData = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Length == 0)
            throw new ArgumentException("MapValueToKey needs at least one column.", nameof(columns));
        if (maximumNumberOfKeys < 1)
            throw new ArgumentOutOfRangeException(nameof(maximumNumberOfKeys), maximumNumberOfKeys, "maximumNumberOfKeys must be at least 1.");
        if (!Enum.IsDefined(keyOrdinality))
            throw new ArgumentOutOfRangeException(nameof(keyOrdinality), keyOrdinality, "Use ByOccurrence or ByValue.");
        if (keyData is not null && keyData.Schema.Count(c => !c.IsHidden) != 1)
            throw new ArgumentException($"keyData must have exactly one column; it has {keyData.Schema.Count(c => !c.IsHidden)}.", nameof(keyData));
        _context = context;
        _columns = columns;
        _maximumNumberOfKeys = maximumNumberOfKeys;
        _ordinality = keyOrdinality;
        _asText = addKeyValueAnnotationsAsText;
        _keyData = keyData;
    }

    /// <inheritdoc/>
    public ValueToKeyMappingTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        GetOutputSchema(SchemaShape.Create(input.Schema));
        var maps = new KeyMap[_columns.Length];
        for (int i = 0; i < _columns.Length; i++)
        {
            IDataView source = _keyData ?? input;
            DataViewSchema.Column column = _keyData is null ? input.Schema[_columns[i].InputColumnName] : _keyData.Schema.First(c => !c.IsHidden);
            PrimitiveDataViewType item = ItemTypeOf(column.Type, column.Name);
            maps[i] = KeyMap.Build(source, column, item, _maximumNumberOfKeys, _ordinality == KeyOrdinality.ByValue, out long skipped);
            if (maps[i].Count == 0)
                throw new InvalidOperationException($"MapValueToKey: column '{column.Name}' has no values to build keys from (the data is empty).");
            if (skipped > 0)
                _context.WriteLog(ChannelMessageKind.Warning, "MapValueToKey",
                    $"column '{column.Name}': kept the first {_maximumNumberOfKeys} distinct values (maximumNumberOfKeys); {skipped} more map to key 0 (missing).");
        }
        return new ValueToKeyMappingTransformer(_columns, maps, _columns.Select(_ => _asText).ToArray());
    }

    /// <inheritdoc/>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var result = inputSchema.ToList();
        foreach (InputOutputColumnPair pair in _columns)
        {
            SchemaShape.Column input;
            if (_keyData is not null)
            {
                input = SchemaShape.Create(_keyData.Schema)[0];
            }
            else if (!inputSchema.TryFindColumn(pair.InputColumnName, out input))
            {
                throw new SchemaMismatchException("MapValueToKey", pair.InputColumnName, "a text, number or boolean column", "missing");
            }
            if (input.IsKey || input.ItemType is not (TextDataViewType or NumberDataViewType or BooleanDataViewType))
                throw new SchemaMismatchException("MapValueToKey", pair.InputColumnName, "String, a number type or Boolean (scalar or vector)", input.GetTypeString());
            var annotations = new SchemaShape([new SchemaShape.Column(AnnotationKinds.KeyValues, SchemaShape.VectorKind.Vector, _asText ? TextDataViewType.Instance : input.ItemType, false)]);
            result.RemoveAll(c => c.Name == pair.OutputColumnName);
            result.Add(new SchemaShape.Column(pair.OutputColumnName, input.Kind, NumberDataViewType.UInt32, true, annotations));
        }
        return new SchemaShape(result);
    }

    private static PrimitiveDataViewType ItemTypeOf(DataViewType type, string column)
    {
        PrimitiveDataViewType item = type is VectorDataViewType v ? v.ItemType : (PrimitiveDataViewType)type;
        if (item is KeyDataViewType || item is not (TextDataViewType or NumberDataViewType or BooleanDataViewType))
            throw new SchemaMismatchException("MapValueToKey", column, "String, a number type or Boolean (scalar or vector)", type.ToString()!);
        return item;
    }
}
