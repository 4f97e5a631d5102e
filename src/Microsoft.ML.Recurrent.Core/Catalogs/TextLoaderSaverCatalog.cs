using System.Reflection;
using Microsoft.ML.Data;

namespace Microsoft.ML;

/// <summary>Loading text files on <c>mlContext.Data</c>.</summary>
public static class TextLoaderSaverCatalog
{
    /// <summary>
    /// A lazy, streaming view of a delimited text file (UTF-8; gzip detected and read transparently). Every public
    /// field/property of <typeparamref name="TInput"/> needs <see cref="LoadColumnAttribute"/> (or
    /// <see cref="NoColumnAttribute"/>); ranges and lists of fields make vectors. Empty lines are skipped; empty
    /// float fields read as NaN; unparsable values and short lines fail naming the file, line, column and field.
    /// </summary>
    /// <param name="catalog">The data catalog.</param>
    /// <param name="path">The file.</param>
    /// <param name="separatorChar">Field separator (default tab).</param>
    /// <param name="hasHeader">Skip the first line (default false).</param>
    /// <param name="allowQuoting">Fields may be in double quotes, with separators inside and <c>""</c> for a quote (default false).</param>
    /// <param name="trimWhitespace">Remove spaces and tabs around fields (default false).</param>
    /// <param name="allowSparse">Sparse rows are not supported: must be false.</param>
    public static IDataView LoadFromTextFile<TInput>(this DataOperationsCatalog catalog, string path, char separatorChar = '\t', bool hasHeader = false,
        bool allowQuoting = false, bool trimWhitespace = false, bool allowSparse = false)
    {
        if (allowSparse)
            throw new NotSupportedException("Sparse text rows (allowSparse) are not supported.");
        return new TextLoaderDataView(path, ColumnsOf(typeof(TInput)), new TextLoaderSettings(separatorChar, hasHeader, allowQuoting, trimWhitespace));
    }

    /// <summary>
    /// A plain-text corpus: one row per line in a single text column <paramref name="columnName"/> (default "Text");
    /// UTF-8, gzip read transparently, streamed. Empty lines are rows unless <paramref name="skipEmptyLines"/>.
    /// </summary>
    public static IDataView LoadFromTextCorpus(this DataOperationsCatalog catalog, string path, string columnName = "Text", bool skipEmptyLines = false)
        => new TextCorpusDataView(path, columnName, skipEmptyLines);

    private static TextLoaderColumn[] ColumnsOf(Type type)
    {
        var columns = new List<TextLoaderColumn>();
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance;
        IEnumerable<(MemberInfo Member, Type Type)> members = type.GetFields(flags).Select(f => ((MemberInfo)f, f.FieldType))
            .Concat(type.GetProperties(flags).Where(p => p.GetIndexParameters().Length == 0 && p.SetMethod?.IsPublic == true).Select(p => ((MemberInfo)p, p.PropertyType)))
            .OrderBy(m => m.Item1.MetadataToken);
        foreach ((MemberInfo member, Type memberType) in members)
        {
            if (member.GetCustomAttribute<NoColumnAttribute>(true) is not null)
                continue;
            LoadColumnAttribute load = member.GetCustomAttribute<LoadColumnAttribute>(true)
                ?? throw new InvalidOperationException($"{type.Name}.{member.Name} has no [LoadColumn(field)]: every member read from a text file needs one (or [NoColumn]).");
            string name = member.GetCustomAttribute<ColumnNameAttribute>(true)?.Name ?? member.Name;
            DataViewType columnType = TextColumnType(type, member, memberType, load);
            columns.Add(new TextLoaderColumn(name, columnType, load.ColumnIndexes.ToArray()));
        }
        if (columns.Count == 0)
            throw new InvalidOperationException($"{type.Name} has no members with [LoadColumn].");
        return columns.ToArray();
    }

    private static DataViewType TextColumnType(Type owner, MemberInfo member, Type memberType, LoadColumnAttribute load)
    {
        string where = $"{owner.Name}.{member.Name}";
        bool isArray = memberType.IsArray;
        Type itemType = isArray ? memberType.GetElementType()! : memberType;
        KeyTypeAttribute? key = member.GetCustomAttribute<KeyTypeAttribute>(true);
        PrimitiveDataViewType item;
        if (key is not null)
        {
            if (!KeyDataViewType.IsValidDataType(itemType))
                throw new InvalidOperationException($"{where}: [KeyType] needs a byte, ushort, uint or ulong member.");
            item = new KeyDataViewType(itemType, key.Count);
        }
        else if (itemType == typeof(string) || itemType == typeof(ReadOnlyMemory<char>))
        {
            item = TextDataViewType.Instance;
        }
        else if (itemType == typeof(bool))
        {
            item = BooleanDataViewType.Instance;
        }
        else
        {
            item = NumberDataViewType.FromRawType(itemType)
                ?? throw new InvalidOperationException($"{where}: type {memberType.Name} cannot be loaded from text; use string, bool, a number type or an array of those.");
        }
        if (!isArray)
        {
            if (load.ColumnIndexes.Count != 1)
                throw new InvalidOperationException($"{where}: [LoadColumn] names {load.ColumnIndexes.Count} fields; a scalar member reads one (use an array for several).");
            return item;
        }
        return new VectorDataViewType(item, load.ColumnIndexes.Count);
    }
}
