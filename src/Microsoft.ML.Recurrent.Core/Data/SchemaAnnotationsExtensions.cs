namespace Microsoft.ML.Data;

/// <summary>Helpers for the standard annotations of a column.</summary>
public static class SchemaAnnotationsExtensions
{
    /// <summary>True when the column is a key column carrying a <c>KeyValues</c> vector of matching length.</summary>
    public static bool HasKeyValues(this DataViewSchema.Column column)
    {
        if (column.Type is not KeyDataViewType key && !(column.Type is VectorDataViewType { ItemType: KeyDataViewType }))
            return false;
        key = column.Type as KeyDataViewType ?? (KeyDataViewType)((VectorDataViewType)column.Type).ItemType;
        DataViewSchema.Column? kv = column.Annotations.Schema.GetColumnOrNull(AnnotationKinds.KeyValues);
        return kv is { Type: VectorDataViewType vector } && (ulong)vector.Size == key.Count;
    }

    /// <summary>Reads the <c>KeyValues</c> annotation of a key column.</summary>
    public static void GetKeyValues<TValue>(this DataViewSchema.Column column, ref VBuffer<TValue> keyValues)
        => column.Annotations.GetValue(AnnotationKinds.KeyValues, ref keyValues);

    /// <summary>True when the column carries a <c>SlotNames</c> text vector of its size.</summary>
    public static bool HasSlotNames(this DataViewSchema.Column column)
        => column.Type is VectorDataViewType { IsKnownSize: true } vector
            && column.Annotations.Schema.GetColumnOrNull(AnnotationKinds.SlotNames) is { Type: VectorDataViewType names }
            && names.Size == vector.Size && names.ItemType is TextDataViewType;

    /// <summary>Reads the <c>SlotNames</c> annotation.</summary>
    public static void GetSlotNames(this DataViewSchema.Column column, ref VBuffer<ReadOnlyMemory<char>> slotNames)
        => column.Annotations.GetValue(AnnotationKinds.SlotNames, ref slotNames);

    /// <summary>
    /// Adds a text <c>KeyValues</c> annotation of <paramref name="count"/> entries: entry i names key i + 1.
    /// <paramref name="values"/> is called when the annotation is read (so a large dictionary can be built lazily)
    /// and must return exactly <paramref name="count"/> entries.
    /// </summary>
    public static void AddTextKeyValues(this DataViewSchema.Annotations.Builder builder, int count, Func<ReadOnlyMemory<char>[]> values)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(values);
        builder.Add(AnnotationKinds.KeyValues, new VectorDataViewType(TextDataViewType.Instance, count),
            (ref VBuffer<ReadOnlyMemory<char>> value) =>
            {
                ReadOnlyMemory<char>[] all = values();
                if (all.Length != count)
                    throw new InvalidOperationException($"The KeyValues annotation declares {count} entries but {all.Length} were supplied.");
                var editor = VBufferEditor.Create(ref value, count);
                all.CopyTo(editor.Values);
                value = editor.Commit();
            });
    }
}
