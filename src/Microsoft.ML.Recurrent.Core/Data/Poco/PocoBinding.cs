using Microsoft.ML.Data;

namespace Microsoft.ML;

/// <summary>The writable members of a row class matched to the columns of a schema, checked once.</summary>
internal sealed class PocoBinding<TRow>
    where TRow : class
{
    private readonly PocoMember<TRow>[] _members;

    private PocoBinding(PocoMember<TRow>[] members, DataViewSchema.Column[] columns)
    {
        _members = members;
        Columns = columns;
    }

    public DataViewSchema.Column[] Columns { get; }

    public static PocoBinding<TRow> Create(DataViewSchema schema, bool ignoreMissingColumns, string step)
    {
        var members = new List<PocoMember<TRow>>();
        var columns = new List<DataViewSchema.Column>();
        foreach (PocoMember<TRow> m in PocoSchema<TRow>.Instance.Members)
        {
            if (!m.CanWrite)
                continue;
            DataViewSchema.Column? column = schema.GetColumnOrNull(m.ColumnName);
            if (column is null)
            {
                if (ignoreMissingColumns)
                    continue;
                throw SchemaMismatchException.Missing(step, m.ColumnName, $"{m.Type} for {m.Describe()}", schema);
            }
            if (!m.Accepts(column.Value.Type))
                throw new SchemaMismatchException(step, m.ColumnName, $"{m.Type} (to fill {m.Describe()})", column.Value.Type.ToString()!);
            members.Add(m);
            columns.Add(column.Value);
        }
        return new PocoBinding<TRow>(members.ToArray(), columns.ToArray());
    }

    public Action<TRow>[] MakeSetters(DataViewRow row)
    {
        var setters = new Action<TRow>[_members.Length];
        for (int i = 0; i < setters.Length; i++)
            setters[i] = _members[i].MakeSetter(row, Columns[i]);
        return setters;
    }
}
