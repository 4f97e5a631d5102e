using Microsoft.ML.Data;

namespace Microsoft.ML;

/// <summary>In-memory values of one column (vectors deep-copied per row), used by caching and in-memory views.</summary>
internal abstract class ColumnStore
{
    public static ColumnStore Create(DataViewType type)
    {
        if (type is VectorDataViewType vector)
            return (ColumnStore)Activator.CreateInstance(typeof(VectorStore<>).MakeGenericType(vector.ItemType.RawType))!;
        return (ColumnStore)Activator.CreateInstance(typeof(ScalarStore<>).MakeGenericType(type.RawType))!;
    }

    public abstract Action MakeFiller(DataViewRow row, DataViewSchema.Column column);

    public abstract ValueGetter<TValue> MakeGetter<TValue>(DataViewSchema.Column column, Func<int> row);

    private sealed class ScalarStore<T> : ColumnStore
    {
        private readonly List<T> _values = new();

        public override Action MakeFiller(DataViewRow row, DataViewSchema.Column column)
        {
            ValueGetter<T> getter = row.GetGetter<T>(column);
            return () =>
            {
                T value = default!;
                getter(ref value);
                _values.Add(value);
            };
        }

        public override ValueGetter<TValue> MakeGetter<TValue>(DataViewSchema.Column column, Func<int> row)
        {
            if (typeof(TValue) != typeof(T))
                throw new InvalidOperationException($"Column '{column.Name}' is of type {column.Type}, not {typeof(TValue).Name}.");
            ValueGetter<T> getter = (ref T value) => value = _values[row()];
            return (ValueGetter<TValue>)(Delegate)getter;
        }
    }

    private sealed class VectorStore<T> : ColumnStore
    {
        private readonly List<VBuffer<T>> _values = new();

        public override Action MakeFiller(DataViewRow row, DataViewSchema.Column column)
        {
            ValueGetter<VBuffer<T>> getter = row.GetGetter<VBuffer<T>>(column);
            VBuffer<T> buffer = default;
            return () =>
            {
                getter(ref buffer);
                VBuffer<T> copy = default;
                buffer.CopyTo(ref copy);
                _values.Add(copy);
            };
        }

        public override ValueGetter<TValue> MakeGetter<TValue>(DataViewSchema.Column column, Func<int> row)
        {
            if (typeof(TValue) != typeof(VBuffer<T>))
                throw new InvalidOperationException($"Column '{column.Name}' is of type {column.Type}, not {typeof(TValue).Name}.");
            // Copy out: the caller owns its buffer and may edit it, the cache must stay intact.
            ValueGetter<VBuffer<T>> getter = (ref VBuffer<T> value) => _values[row()].CopyTo(ref value);
            return (ValueGetter<TValue>)(Delegate)getter;
        }
    }
}
