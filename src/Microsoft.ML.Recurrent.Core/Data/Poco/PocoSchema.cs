using System.Reflection;
using Microsoft.ML.Data;

namespace Microsoft.ML;

/// <summary>
/// The columns of a row class: its public instance fields and properties (minus <see cref="NoColumnAttribute"/>),
/// named by <see cref="ColumnNameAttribute"/> or the member name, typed by the member type,
/// <see cref="VectorTypeAttribute"/> and <see cref="KeyTypeAttribute"/>. Built once per class.
/// </summary>
internal sealed class PocoSchema<TRow>
    where TRow : class
{
    private static readonly Lazy<PocoSchema<TRow>> s_instance = new(() => new PocoSchema<TRow>());

    private PocoSchema()
    {
        var members = new List<PocoMember<TRow>>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance;
        IEnumerable<(MemberInfo Member, Type Type, bool CanRead, bool CanWrite)> candidates =
            typeof(TRow).GetFields(flags).Where(f => !f.IsStatic).Select(f => ((MemberInfo)f, f.FieldType, true, !f.IsInitOnly && !f.IsLiteral))
            .Concat(typeof(TRow).GetProperties(flags).Where(p => p.GetIndexParameters().Length == 0)
                .Select(p => ((MemberInfo)p, p.PropertyType, p.GetMethod?.IsPublic == true, p.SetMethod?.IsPublic == true)))
            .OrderBy(m => m.Item1.MetadataToken);
        foreach ((MemberInfo member, Type type, bool canRead, bool canWrite) in candidates)
        {
            if (member.GetCustomAttribute<NoColumnAttribute>(true) is not null)
                continue;
            string name = member.GetCustomAttribute<ColumnNameAttribute>(true)?.Name ?? member.Name;
            if (names.TryGetValue(name, out string? other))
                throw new InvalidOperationException($"{typeof(TRow).Name}: members {other} and {member.Name} both map to column '{name}'.");
            names[name] = member.Name;
            DataViewType columnType = ColumnTypeOf(member, type);
            members.Add(PocoMember<TRow>.Create(member, type, name, columnType, canRead, canWrite, member.GetCustomAttribute<LoadColumnAttribute>(true)));
        }
        Members = members;
    }

    public static PocoSchema<TRow> Instance
    {
        get
        {
            try
            {
                return s_instance.Value;
            }
            catch (Exception e) when (e is not InvalidOperationException)
            {
                throw new InvalidOperationException($"Row class {typeof(TRow).Name} cannot be mapped to columns: {e.Message}", e);
            }
        }
    }

    public IReadOnlyList<PocoMember<TRow>> Members { get; }

    public DataViewSchema ToSchema(IEnumerable<PocoMember<TRow>> members)
    {
        var builder = new DataViewSchema.Builder();
        foreach (PocoMember<TRow> m in members)
            builder.AddColumn(m.ColumnName, m.Type);
        return builder.ToSchema();
    }

    private static DataViewType ColumnTypeOf(MemberInfo member, Type type)
    {
        string where = $"{typeof(TRow).Name}.{member.Name}";
        KeyTypeAttribute? key = member.GetCustomAttribute<KeyTypeAttribute>(true);
        VectorTypeAttribute? vector = member.GetCustomAttribute<VectorTypeAttribute>(true);
        Type itemType = type;
        bool isVector = false;
        if (type.IsArray)
        {
            if (type.GetArrayRank() != 1)
                throw new InvalidOperationException($"{where}: only one-dimensional arrays map to columns (use [VectorType(dims)] on a flat array).");
            itemType = type.GetElementType()!;
            isVector = true;
        }
        else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(VBuffer<>))
        {
            itemType = type.GetGenericArguments()[0];
            isVector = true;
        }
        if (vector is not null && !isVector)
            throw new InvalidOperationException($"{where}: [VectorType] needs an array or VBuffer member, not {type.Name}.");
        PrimitiveDataViewType item;
        if (key is not null)
        {
            if (!KeyDataViewType.IsValidDataType(itemType))
                throw new InvalidOperationException($"{where}: [KeyType] needs a byte, ushort, uint or ulong member, not {itemType.Name}.");
            item = new KeyDataViewType(itemType, key.Count);
        }
        else
        {
            item = PrimitiveOf(itemType) ?? throw new InvalidOperationException(
                $"{where}: type {type.Name} cannot be a column; use string, ReadOnlyMemory<char>, bool, a number type, or an array/VBuffer of those.");
        }
        if (!isVector)
            return item;
        return vector is null ? new VectorDataViewType(item, 0) : new VectorDataViewType(item, vector.Dimensions.ToArray());
    }

    private static PrimitiveDataViewType? PrimitiveOf(Type type)
    {
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
            return TextDataViewType.Instance;
        if (type == typeof(bool))
            return BooleanDataViewType.Instance;
        return NumberDataViewType.FromRawType(type);
    }
}
