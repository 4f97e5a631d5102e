using System.Numerics;
using System.Reflection;
using Microsoft.ML.Data;

[assembly: ModelComponent("MapKeyToValue", 1, typeof(Microsoft.ML.Transforms.KeyToValueMappingTransformer))]

namespace Microsoft.ML.Transforms;

/// <summary>
/// Maps keys back to their values through the input column's <c>KeyValues</c> annotation (e.g. a predicted
/// label back to text). Key 0 (missing) gives the default value (empty text, NaN for floating point).
/// </summary>
public sealed class KeyToValueMappingTransformer : OneToOneTransformerBase, ILoadableTransformer<KeyToValueMappingTransformer>
{
    /// <summary>Maps each pair's key input to its values.</summary>
    public KeyToValueMappingTransformer(params InputOutputColumnPair[] columns)
        : base("MapKeyToValue", columns)
    {
    }

    /// <summary>Reads the transformer from a model file.</summary>
    public static KeyToValueMappingTransformer Load(ModelLoadContext context)
        => new(context.ReadSettings<ColumnPairSettings>().ToPairs(context));

    /// <inheritdoc/>
    protected override void SaveModel(ModelSaveContext context) => context.WriteSettings(ColumnPairSettings.From(Columns));

    /// <inheritdoc/>
    protected override string DescribeAccepted(int column) => "a key column with KeyValues";

    /// <inheritdoc/>
    protected override DataViewType GetOutputType(int column, DataViewType inputType)
        => throw new InvalidOperationException("Unreachable: the output type needs the input column's annotations.");

    /// <inheritdoc/>
    protected override DataViewSchema.Annotations? GetOutputAnnotations(int column, DataViewSchema.Column inputColumn) => null;

    /// <inheritdoc/>
    protected override Delegate MakeGetter(DataViewRow input, int column, DataViewSchema.Column inputColumn)
    {
        PrimitiveDataViewType valueType = ValueTypeOf(column, inputColumn);
        KeyDataViewType key = KeyTypeOf(inputColumn.Type)!;
        return (Delegate)typeof(KeyToValueMappingTransformer).GetMethod(nameof(MakeTypedGetter), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(key.RawType, valueType.RawType).Invoke(null, [input, inputColumn])!;
    }

    // The value type is the KeyValues annotation's item type, so this transformer overrides the column rule.
    internal PrimitiveDataViewType ValueTypeOf(int column, DataViewSchema.Column inputColumn)
    {
        KeyDataViewType? key = KeyTypeOf(inputColumn.Type);
        if (key is null)
            throw SchemaMismatch(column, "Key or Vector<Key> with KeyValues", inputColumn.Type);
        DataViewSchema.Column? values = inputColumn.Annotations.Schema.GetColumnOrNull(AnnotationKinds.KeyValues);
        if (values is not { Type: VectorDataViewType { ItemType: var item } vector } || (ulong)vector.Size != key.Count)
            throw new SchemaMismatchException(StepName, inputColumn.Name, $"a KeyValues annotation of {key.Count} values", values is null ? "no KeyValues annotation" : values.Value.Type.ToString()!);
        return item;
    }

    /// <inheritdoc/>
    protected override DataViewType GetOutputType(int column, DataViewSchema.Column inputColumn)
    {
        PrimitiveDataViewType item = ValueTypeOf(column, inputColumn);
        return inputColumn.Type is VectorDataViewType v ? new VectorDataViewType(item, v.Dimensions) : item;
    }

    private static KeyDataViewType? KeyTypeOf(DataViewType type)
        => type as KeyDataViewType ?? (type as VectorDataViewType)?.ItemType as KeyDataViewType;

    private static Delegate MakeTypedGetter<TKey, TValue>(DataViewRow input, DataViewSchema.Column inputColumn)
        where TKey : unmanaged, IBinaryInteger<TKey>, IUnsignedNumber<TKey>
    {
        VBuffer<TValue> annotation = default;
        inputColumn.GetKeyValues(ref annotation);
        TValue[] values = annotation.DenseValues().ToArray();
        TValue missing = typeof(TValue) == typeof(float) ? (TValue)(object)float.NaN : typeof(TValue) == typeof(double) ? (TValue)(object)double.NaN : default!;
        string name = inputColumn.Name;
        TValue Map(TKey key)
        {
            ulong k = ulong.CreateTruncating(key);
            if (k == 0)
                return missing;
            if (k > (ulong)values.Length)
                throw new InvalidOperationException($"MapKeyToValue, column '{name}', row {input.Position}: key {k} exceeds the {values.Length} key values.");
            return values[k - 1];
        }
        if (inputColumn.Type is VectorDataViewType)
        {
            ValueGetter<VBuffer<TKey>> source = input.GetGetter<VBuffer<TKey>>(inputColumn);
            VBuffer<TKey> keys = default;
            TKey[] dense = [];
            return (ValueGetter<VBuffer<TValue>>)((ref VBuffer<TValue> value) =>
            {
                source(ref keys);
                if (dense.Length < keys.Length)
                    dense = new TKey[keys.Length];
                keys.CopyTo(dense);
                VBufferEditor<TValue> editor = VBufferEditor.Create(ref value, keys.Length);
                for (int i = 0; i < keys.Length; i++)
                    editor.Values[i] = Map(dense[i]);
                value = editor.Commit();
            });
        }
        ValueGetter<TKey> scalar = input.GetGetter<TKey>(inputColumn);
        TKey current = default;
        return (ValueGetter<TValue>)((ref TValue value) =>
        {
            scalar(ref current);
            value = Map(current);
        });
    }
}
