using System.Globalization;
using Microsoft.ML.Data;

namespace Microsoft.ML.Transforms;

/// <summary>
/// The dictionary of one MapValueToKey column: values in key order (key k ↔ Values[k − 1]) and the reverse
/// lookup. Generic over the item type; created once per fit or load.
/// </summary>
internal abstract class KeyMap
{
    public abstract PrimitiveDataViewType ItemType { get; }

    public abstract int Count { get; }

    /// <summary>Builds the map from the distinct values of a column of <paramref name="itemType"/>.</summary>
    public static KeyMap Build(IDataView data, DataViewSchema.Column column, PrimitiveDataViewType itemType, int maximumNumberOfKeys, bool byValue, out long skipped)
    {
        var method = typeof(KeyMap).GetMethod(nameof(BuildTyped), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        object[] args = [data, column, itemType, maximumNumberOfKeys, byValue, 0L];
        var map = (KeyMap)method.MakeGenericMethod(itemType.RawType).Invoke(null, args)!;
        skipped = (long)args[5];
        return map;
    }

    public static KeyMap Load(ModelLoadContext context, string tensor, string itemKind)
    {
        return itemKind switch
        {
            "String" => KeyMap<ReadOnlyMemory<char>>.Create(TextDataViewType.Instance, context.ReadStrings(tensor).Select(s => s.AsMemory()).ToArray(), context),
            "Boolean" => KeyMap<bool>.Create(BooleanDataViewType.Instance, context.ReadTensor<bool>(tensor, out _), context),
            "Single" => KeyMap<float>.Create(NumberDataViewType.Single, context.ReadTensor<float>(tensor, out _), context),
            "Double" => KeyMap<double>.Create(NumberDataViewType.Double, context.ReadTensor<double>(tensor, out _), context),
            "Int32" => KeyMap<int>.Create(NumberDataViewType.Int32, context.ReadTensor<int>(tensor, out _), context),
            "Int64" => KeyMap<long>.Create(NumberDataViewType.Int64, context.ReadTensor<long>(tensor, out _), context),
            "UInt32" => KeyMap<uint>.Create(NumberDataViewType.UInt32, context.ReadTensor<uint>(tensor, out _), context),
            "UInt64" => KeyMap<ulong>.Create(NumberDataViewType.UInt64, context.ReadTensor<ulong>(tensor, out _), context),
            "Int16" => KeyMap<short>.Create(NumberDataViewType.Int16, context.ReadTensor<short>(tensor, out _), context),
            "UInt16" => KeyMap<ushort>.Create(NumberDataViewType.UInt16, context.ReadTensor<ushort>(tensor, out _), context),
            "Byte" => KeyMap<byte>.Create(NumberDataViewType.Byte, context.ReadTensor<byte>(tensor, out _), context),
            "SByte" => KeyMap<sbyte>.Create(NumberDataViewType.SByte, context.ReadTensor<sbyte>(tensor, out _), context),
            _ => throw context.Error($"unknown item type '{itemKind}' for tensor '{tensor}'"),
        };
    }

    public abstract void Save(ModelSaveContext context, string tensor);

    /// <summary>A getter of keys (scalar <see cref="uint"/> or vector) reading <paramref name="inputColumn"/>.</summary>
    public abstract Delegate MakeGetter(DataViewRow input, DataViewSchema.Column inputColumn);

    /// <summary>The <c>KeyValues</c> annotation: the values, or their text when <paramref name="asText"/>.</summary>
    public abstract DataViewSchema.Annotations MakeAnnotations(bool asText);

    private static KeyMap BuildTyped<T>(IDataView data, DataViewSchema.Column column, PrimitiveDataViewType itemType, int maximumNumberOfKeys, bool byValue, ref long skipped)
        where T : notnull
    {
        IEqualityComparer<T>? comparer = typeof(T) == typeof(ReadOnlyMemory<char>) ? (IEqualityComparer<T>)(object)TextComparer.Instance : null;
        var seen = new Dictionary<T, int>(comparer);
        var values = new List<T>();
        var distinctSkipped = new HashSet<T>(comparer);
        using DataViewRowCursor cursor = data.GetRowCursor(column);
        void Add(T value)
        {
            if (IsMissing(value) || seen.ContainsKey(value))
                return;
            if (values.Count >= maximumNumberOfKeys)
            {
                distinctSkipped.Add(Own(value));
                return;
            }
            value = Own(value);
            seen.Add(value, values.Count);
            values.Add(value);
        }
        if (column.Type is VectorDataViewType)
        {
            ValueGetter<VBuffer<T>> getter = cursor.GetGetter<VBuffer<T>>(column);
            VBuffer<T> buffer = default;
            while (cursor.MoveNext())
            {
                getter(ref buffer);
                foreach (T v in buffer.GetValues())
                    Add(v);
                if (!buffer.IsDense && buffer.GetValues().Length < buffer.Length)
                    Add(default!);
            }
        }
        else
        {
            ValueGetter<T> getter = cursor.GetGetter<T>(column);
            T value = default!;
            while (cursor.MoveNext())
            {
                getter(ref value);
                Add(value);
            }
        }
        skipped = distinctSkipped.Count;
        T[] array = values.ToArray();
        if (byValue)
            Array.Sort(array, (IComparer<T>?)(typeof(T) == typeof(ReadOnlyMemory<char>) ? (IComparer<T>)(object)TextComparer.Instance : null));
        return new KeyMap<T>(itemType, array, comparer);
    }

    /// <summary>
    /// ML.NET's missing values (empty text, NaN) never enter a dictionary and always map to key 0, so that a
    /// missing input stays visibly missing instead of becoming an ordinary category.
    /// </summary>
    protected static bool IsMissing<T>(T value) => value switch
    {
        ReadOnlyMemory<char> text => text.IsEmpty,
        float f => float.IsNaN(f),
        double d => double.IsNaN(d),
        _ => false,
    };

    // Text read from a cursor may point into a buffer; a dictionary entry needs its own string.
    private static T Own<T>(T value)
        => value is ReadOnlyMemory<char> text ? (T)(object)text.ToString().AsMemory() : value;

    protected static string Format<T>(T value) => value switch
    {
        ReadOnlyMemory<char> text => text.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? string.Empty,
    };
}

/// <summary>A <see cref="KeyMap"/> over items of type <typeparamref name="T"/>.</summary>
internal sealed class KeyMap<T> : KeyMap
    where T : notnull
{
    private readonly T[] _values;
    private readonly Dictionary<T, uint> _keys;

    public KeyMap(PrimitiveDataViewType itemType, T[] values, IEqualityComparer<T>? comparer)
    {
        ItemType = itemType;
        _values = values;
        _keys = new Dictionary<T, uint>(values.Length, comparer);
        for (int i = 0; i < values.Length; i++)
            _keys.Add(values[i], (uint)(i + 1));
    }

    public override PrimitiveDataViewType ItemType { get; }

    public override int Count => _values.Length;

    public static KeyMap<T> Create(PrimitiveDataViewType itemType, T[] values, ModelLoadContext context)
    {
        if (values.Length == 0)
            throw context.Error("a key dictionary is empty");
        if (values.Any(IsMissing))
            throw context.Error("a key dictionary holds a missing value (empty text or NaN)");
        IEqualityComparer<T>? comparer = typeof(T) == typeof(ReadOnlyMemory<char>) ? (IEqualityComparer<T>)(object)TextComparer.Instance : null;
        try
        {
            return new KeyMap<T>(itemType, values, comparer);
        }
        catch (ArgumentException e)
        {
            throw context.Error("a key dictionary holds the same value twice", e);
        }
    }

    public override void Save(ModelSaveContext context, string tensor)
    {
        switch (_values)
        {
            case ReadOnlyMemory<char>[] text:
                context.WriteStrings(tensor, text.Select(t => t.ToString()).ToArray());
                break;
            case bool[] b: context.WriteTensor<bool>(tensor, b); break;
            case float[] f: context.WriteTensor<float>(tensor, f); break;
            case double[] d: context.WriteTensor<double>(tensor, d); break;
            case int[] i: context.WriteTensor<int>(tensor, i); break;
            case long[] l: context.WriteTensor<long>(tensor, l); break;
            case uint[] u: context.WriteTensor<uint>(tensor, u); break;
            case ulong[] ul: context.WriteTensor<ulong>(tensor, ul); break;
            case short[] s: context.WriteTensor<short>(tensor, s); break;
            case ushort[] us: context.WriteTensor<ushort>(tensor, us); break;
            case byte[] by: context.WriteTensor<byte>(tensor, by); break;
            case sbyte[] sb: context.WriteTensor<sbyte>(tensor, sb); break;
            default: throw new NotSupportedException($"Key values of {typeof(T).Name} cannot be saved.");
        }
    }

    public override Delegate MakeGetter(DataViewRow input, DataViewSchema.Column inputColumn)
    {
        Dictionary<T, uint> keys = _keys;
        if (inputColumn.Type is VectorDataViewType)
        {
            ValueGetter<VBuffer<T>> source = input.GetGetter<VBuffer<T>>(inputColumn);
            VBuffer<T> buffer = default;
            T[] dense = [];
            return (ValueGetter<VBuffer<uint>>)((ref VBuffer<uint> value) =>
            {
                source(ref buffer);
                if (dense.Length < buffer.Length)
                    dense = new T[buffer.Length];
                buffer.CopyTo(dense);
                VBufferEditor<uint> editor = VBufferEditor.Create(ref value, buffer.Length);
                for (int i = 0; i < buffer.Length; i++)
                    editor.Values[i] = keys.TryGetValue(dense[i], out uint k) ? k : 0;
                value = editor.Commit();
            });
        }
        ValueGetter<T> scalar = input.GetGetter<T>(inputColumn);
        T item = default!;
        return (ValueGetter<uint>)((ref uint value) =>
        {
            scalar(ref item);
            value = keys.TryGetValue(item, out uint k) ? k : 0;
        });
    }

    public override DataViewSchema.Annotations MakeAnnotations(bool asText)
    {
        var builder = new DataViewSchema.Annotations.Builder();
        T[] values = _values;
        if (asText && typeof(T) != typeof(ReadOnlyMemory<char>))
        {
            ReadOnlyMemory<char>[] text = values.Select(v => Format(v).AsMemory()).ToArray();
            builder.Add(AnnotationKinds.KeyValues, new VectorDataViewType(TextDataViewType.Instance, text.Length),
                (ref VBuffer<ReadOnlyMemory<char>> v) => new VBuffer<ReadOnlyMemory<char>>(text.Length, text).CopyTo(ref v));
        }
        else
        {
            builder.Add(AnnotationKinds.KeyValues, new VectorDataViewType(ItemType, values.Length),
                (ref VBuffer<T> v) => new VBuffer<T>(values.Length, values).CopyTo(ref v));
        }
        return builder.ToAnnotations();
    }
}
