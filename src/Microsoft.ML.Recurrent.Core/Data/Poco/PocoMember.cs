using System.Linq.Expressions;
using System.Numerics;
using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.ML.Data;

namespace Microsoft.ML;

/// <summary>
/// One public field or property of a row class mapped to a column. Getters and setters are compiled once
/// (expression trees) and wrapped in typed delegates, so moving rows involves no reflection.
/// </summary>
internal abstract class PocoMember<TRow>
    where TRow : class
{
    protected PocoMember(MemberInfo member, string columnName, DataViewType type)
    {
        Member = member;
        ColumnName = columnName;
        Type = type;
    }

    public MemberInfo Member { get; }

    public string ColumnName { get; }

    /// <summary>The column type this member produces (may be replaced by a given schema's compatible type).</summary>
    public DataViewType Type { get; }

    public LoadColumnAttribute? LoadColumn { get; private set; }

    public bool CanRead { get; init; }

    public bool CanWrite { get; init; }

    /// <summary>A getter (<see cref="ValueGetter{TValue}"/> of <see cref="Type"/>'s raw type) over <paramref name="source"/>'s current object.</summary>
    public abstract Delegate MakeGetter(PocoRowSource<TRow> source, DataViewType columnType);

    /// <summary>An action copying the current value of <paramref name="column"/> of <paramref name="row"/> into an object.</summary>
    public abstract Action<TRow> MakeSetter(DataViewRow row, DataViewSchema.Column column);

    /// <summary>True when a column of <paramref name="type"/> can fill (or be filled by) this member.</summary>
    public bool Accepts(DataViewType type) => type.RawType == Type.RawType;

    public string Describe() => $"{typeof(TRow).Name}.{Member.Name}";

    public static PocoMember<TRow> Create(MemberInfo member, Type memberType, string columnName, DataViewType type, bool canRead, bool canWrite, LoadColumnAttribute? load)
    {
        Type kind;
        if (memberType == typeof(string))
            kind = typeof(TextMember);
        else if (memberType == typeof(string[]))
            kind = typeof(TextArrayMember);
        else if (memberType.IsArray)
            kind = typeof(ArrayMember<>).MakeGenericType(typeof(TRow), memberType.GetElementType()!);
        else if (memberType.IsGenericType && memberType.GetGenericTypeDefinition() == typeof(VBuffer<>))
            kind = typeof(VBufferMember<>).MakeGenericType(typeof(TRow), memberType.GetGenericArguments()[0]);
        else if (type is KeyDataViewType)
            kind = typeof(KeyMember<>).MakeGenericType(typeof(TRow), memberType);
        else
            kind = typeof(DirectMember<>).MakeGenericType(typeof(TRow), memberType);
        // Built once per row class and member; rows then only run the compiled delegates.
        var created = (PocoMember<TRow>)Activator.CreateInstance(kind, member, columnName, type, canRead, canWrite)!;
        created.LoadColumn = load;
        return created;
    }

    // Properties of the row class itself bind their accessor methods directly (open-instance delegates, the
    // fastest call); fields and inherited or converted members go through a compiled expression.
    protected static Func<TRow, T> CompileGetter<T>(MemberInfo member)
    {
        if (member is PropertyInfo { GetMethod: { } get } property && property.PropertyType == typeof(T) && !typeof(TRow).IsValueType)
            return get.CreateDelegate<Func<TRow, T>>();
        ParameterExpression row = Expression.Parameter(typeof(TRow), "row");
        return Expression.Lambda<Func<TRow, T>>(Expression.MakeMemberAccess(row, member), row).Compile();
    }

    protected static Action<TRow, T> CompileSetter<T>(MemberInfo member)
    {
        if (member is PropertyInfo { SetMethod: { } set } property && property.PropertyType == typeof(T) && !typeof(TRow).IsValueType)
            return set.CreateDelegate<Action<TRow, T>>();
        ParameterExpression row = Expression.Parameter(typeof(TRow), "row");
        ParameterExpression value = Expression.Parameter(typeof(T), "value");
        return Expression.Lambda<Action<TRow, T>>(Expression.Assign(Expression.MakeMemberAccess(row, member), value), row, value).Compile();
    }

    protected Exception RowError(PocoRowSource<TRow> source, string message)
        => new InvalidOperationException($"Row {source.Position}, column '{ColumnName}' ({Describe()}): {message}.");

    /// <summary>Members whose type is the column's raw type (numbers, booleans, <see cref="ReadOnlyMemory{T}"/> text).</summary>
    private sealed class DirectMember<T> : PocoMember<TRow>
    {
        private readonly Func<TRow, T>? _get;
        private readonly Action<TRow, T>? _set;

        public DirectMember(MemberInfo member, string columnName, DataViewType type, bool canRead, bool canWrite)
            : base(member, columnName, type)
        {
            CanRead = canRead;
            CanWrite = canWrite;
            _get = canRead ? CompileGetter<T>(member) : null;
            _set = canWrite ? CompileSetter<T>(member) : null;
        }

        public override Delegate MakeGetter(PocoRowSource<TRow> source, DataViewType columnType)
        {
            Func<TRow, T> get = _get!;
            return (ValueGetter<T>)((ref T value) => value = get(source.Current));
        }

        public override Action<TRow> MakeSetter(DataViewRow row, DataViewSchema.Column column)
        {
            ValueGetter<T> getter = row.GetGetter<T>(column);
            Action<TRow, T> set = _set!;
            return obj =>
            {
                T value = default!;
                getter(ref value);
                set(obj, value);
            };
        }
    }

    /// <summary>Unsigned integer members holding keys: values above the key count are rejected with the row.</summary>
    private sealed class KeyMember<T> : PocoMember<TRow>
        where T : unmanaged, IBinaryInteger<T>, IUnsignedNumber<T>
    {
        private readonly Func<TRow, T>? _get;
        private readonly Action<TRow, T>? _set;

        public KeyMember(MemberInfo member, string columnName, DataViewType type, bool canRead, bool canWrite)
            : base(member, columnName, type)
        {
            CanRead = canRead;
            CanWrite = canWrite;
            _get = canRead ? CompileGetter<T>(member) : null;
            _set = canWrite ? CompileSetter<T>(member) : null;
        }

        public override Delegate MakeGetter(PocoRowSource<TRow> source, DataViewType columnType)
        {
            Func<TRow, T> get = _get!;
            ulong count = ((KeyDataViewType)columnType).Count;
            return (ValueGetter<T>)((ref T value) =>
            {
                value = get(source.Current);
                if (ulong.CreateTruncating(value) > count)
                    throw RowError(source, $"key {value} exceeds the key count {count} (valid keys 1..{count}, 0 = missing)");
            });
        }

        public override Action<TRow> MakeSetter(DataViewRow row, DataViewSchema.Column column)
        {
            ValueGetter<T> getter = row.GetGetter<T>(column);
            Action<TRow, T> set = _set!;
            return obj =>
            {
                T value = default;
                getter(ref value);
                set(obj, value);
            };
        }
    }

    /// <summary><see cref="string"/> members ↔ text columns; null strings read as empty text.</summary>
    private sealed class TextMember : PocoMember<TRow>
    {
        private readonly Func<TRow, string?>? _get;
        private readonly Action<TRow, string>? _set;

        public TextMember(MemberInfo member, string columnName, DataViewType type, bool canRead, bool canWrite)
            : base(member, columnName, type)
        {
            CanRead = canRead;
            CanWrite = canWrite;
            _get = canRead ? CompileGetter<string?>(member) : null;
            _set = canWrite ? CompileSetter<string>(member) : null;
        }

        public override Delegate MakeGetter(PocoRowSource<TRow> source, DataViewType columnType)
        {
            Func<TRow, string?> get = _get!;
            return (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> value) => value = get(source.Current).AsMemory());
        }

        public override Action<TRow> MakeSetter(DataViewRow row, DataViewSchema.Column column)
        {
            ValueGetter<ReadOnlyMemory<char>> getter = row.GetGetter<ReadOnlyMemory<char>>(column);
            Action<TRow, string> set = _set!;
            return obj =>
            {
                ReadOnlyMemory<char> value = default;
                getter(ref value);
                set(obj, ToText(value));
            };
        }
    }

    /// <summary><see cref="string"/>[] members ↔ text vectors.</summary>
    private sealed class TextArrayMember : PocoMember<TRow>
    {
        private readonly Func<TRow, string[]?>? _get;
        private readonly Action<TRow, string[]>? _set;

        public TextArrayMember(MemberInfo member, string columnName, DataViewType type, bool canRead, bool canWrite)
            : base(member, columnName, type)
        {
            CanRead = canRead;
            CanWrite = canWrite;
            _get = canRead ? CompileGetter<string[]?>(member) : null;
            _set = canWrite ? CompileSetter<string[]>(member) : null;
        }

        public override Delegate MakeGetter(PocoRowSource<TRow> source, DataViewType columnType)
        {
            Func<TRow, string[]?> get = _get!;
            int size = ((VectorDataViewType)columnType).Size;
            return (ValueGetter<VBuffer<ReadOnlyMemory<char>>>)((ref VBuffer<ReadOnlyMemory<char>> value) =>
            {
                string[] items = get(source.Current) ?? [];
                if (size > 0 && items.Length != size)
                    throw RowError(source, $"expected {size} items, found {items.Length}");
                var editor = VBufferEditor.Create(ref value, items.Length);
                for (int i = 0; i < items.Length; i++)
                    editor.Values[i] = items[i].AsMemory();
                value = editor.Commit();
            });
        }

        public override Action<TRow> MakeSetter(DataViewRow row, DataViewSchema.Column column)
        {
            ValueGetter<VBuffer<ReadOnlyMemory<char>>> getter = row.GetGetter<VBuffer<ReadOnlyMemory<char>>>(column);
            Action<TRow, string[]> set = _set!;
            VBuffer<ReadOnlyMemory<char>> buffer = default;
            return obj =>
            {
                getter(ref buffer);
                var items = new string[buffer.Length];
                if (buffer.IsDense)
                {
                    ReadOnlySpan<ReadOnlyMemory<char>> values = buffer.GetValues();
                    for (int i = 0; i < items.Length; i++)
                        items[i] = ToText(values[i]);
                }
                else
                {
                    Array.Fill(items, string.Empty);
                    ReadOnlySpan<ReadOnlyMemory<char>> values = buffer.GetValues();
                    ReadOnlySpan<int> indices = buffer.GetIndices();
                    for (int i = 0; i < values.Length; i++)
                        items[indices[i]] = ToText(values[i]);
                }
                set(obj, items);
            };
        }
    }

    /// <summary>Arrays of numbers, booleans or keys ↔ vectors (dense).</summary>
    private sealed class ArrayMember<T> : PocoMember<TRow>
    {
        private readonly Func<TRow, T[]?>? _get;
        private readonly Func<TRow, T[]?>? _getForReuse;
        private readonly Action<TRow, T[]>? _set;

        public ArrayMember(MemberInfo member, string columnName, DataViewType type, bool canRead, bool canWrite)
            : base(member, columnName, type)
        {
            CanRead = canRead;
            CanWrite = canWrite;
            _get = canRead ? CompileGetter<T[]?>(member) : null;
            _getForReuse = canRead && canWrite ? _get : null;
            _set = canWrite ? CompileSetter<T[]>(member) : null;
        }

        public override Delegate MakeGetter(PocoRowSource<TRow> source, DataViewType columnType)
        {
            Func<TRow, T[]?> get = _get!;
            int size = ((VectorDataViewType)columnType).Size;
            return (ValueGetter<VBuffer<T>>)((ref VBuffer<T> value) =>
            {
                T[] items = get(source.Current) ?? [];
                if (size > 0 && items.Length != size)
                    throw RowError(source, $"expected {size} items, found {items.Length}");
                // Copy: a downstream getter may write into the buffer it is handed, which must not be the user's array.
                var editor = VBufferEditor.Create(ref value, items.Length);
                items.AsSpan().CopyTo(editor.Values);
                value = editor.Commit();
            });
        }

        public override Action<TRow> MakeSetter(DataViewRow row, DataViewSchema.Column column)
        {
            ValueGetter<VBuffer<T>> getter = row.GetGetter<VBuffer<T>>(column);
            Action<TRow, T[]> set = _set!;
            Func<TRow, T[]?>? existing = _getForReuse;
            VBuffer<T> buffer = default;
            return obj =>
            {
                getter(ref buffer);
                // A reused row object keeps its array when the length matches: no allocation per row.
                T[]? items = existing?.Invoke(obj);
                if (items is null || items.Length != buffer.Length)
                    items = new T[buffer.Length];
                buffer.CopyTo(items);
                set(obj, items);
            };
        }
    }

    /// <summary><see cref="VBuffer{T}"/> members ↔ vectors (sparse kept).</summary>
    private sealed class VBufferMember<T> : PocoMember<TRow>
    {
        private readonly Func<TRow, VBuffer<T>>? _get;
        private readonly Action<TRow, VBuffer<T>>? _set;

        public VBufferMember(MemberInfo member, string columnName, DataViewType type, bool canRead, bool canWrite)
            : base(member, columnName, type)
        {
            CanRead = canRead;
            CanWrite = canWrite;
            _get = canRead ? CompileGetter<VBuffer<T>>(member) : null;
            _set = canWrite ? CompileSetter<VBuffer<T>>(member) : null;
        }

        public override Delegate MakeGetter(PocoRowSource<TRow> source, DataViewType columnType)
        {
            Func<TRow, VBuffer<T>> get = _get!;
            int size = ((VectorDataViewType)columnType).Size;
            return (ValueGetter<VBuffer<T>>)((ref VBuffer<T> value) =>
            {
                VBuffer<T> items = get(source.Current);
                if (size > 0 && items.Length != size)
                    throw RowError(source, $"expected {size} items, found {items.Length}");
                items.CopyTo(ref value);
            });
        }

        public override Action<TRow> MakeSetter(DataViewRow row, DataViewSchema.Column column)
        {
            ValueGetter<VBuffer<T>> getter = row.GetGetter<VBuffer<T>>(column);
            Action<TRow, VBuffer<T>> set = _set!;
            VBuffer<T> buffer = default;
            return obj =>
            {
                getter(ref buffer);
                VBuffer<T> copy = default;
                buffer.CopyTo(ref copy);
                set(obj, copy);
            };
        }
    }

    // Text that spans a whole string is returned as that string: no copy in the common case.
    private static string ToText(ReadOnlyMemory<char> value)
    {
        if (MemoryMarshal.TryGetString(value, out string? text, out int start, out int length) && start == 0 && length == text.Length)
            return text;
        return value.ToString();
    }
}
