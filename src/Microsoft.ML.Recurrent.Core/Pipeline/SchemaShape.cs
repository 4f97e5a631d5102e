using System.Collections;
using Microsoft.ML.Data;

namespace Microsoft.ML;

/// <summary>
/// A relaxed schema used before training: each column's name, kind (scalar, known-size vector, variable
/// vector), item type, whether it is a key, and its annotations' shapes. Sizes and key counts are left open.
/// </summary>
public sealed partial class SchemaShape : IReadOnlyList<SchemaShape.Column>
{
    private readonly Column[] _columns;

    /// <summary>Creates a shape from columns.</summary>
    public SchemaShape(IEnumerable<Column> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _columns = columns.ToArray();
    }

    /// <summary>Number of columns.</summary>
    public int Count => _columns.Length;

    /// <summary>The column at <paramref name="index"/>.</summary>
    public Column this[int index] => _columns[index];

    /// <summary>The shape of <paramref name="schema"/>'s visible columns.</summary>
    public static SchemaShape Create(DataViewSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var columns = new List<Column>();
        foreach (DataViewSchema.Column c in schema)
        {
            if (!c.IsHidden)
                columns.Add(Column.FromType(c.Name, c.Type, c.Annotations));
        }
        return new SchemaShape(columns);
    }

    /// <summary>Finds the column named <paramref name="name"/>.</summary>
    public bool TryFindColumn(string name, out Column column)
    {
        for (int i = _columns.Length - 1; i >= 0; i--)
        {
            if (_columns[i].Name == name)
            {
                column = _columns[i];
                return true;
            }
        }
        column = default;
        return false;
    }

    /// <summary>
    /// A schema with stand-in types where the shape leaves details open (known-size vectors get size 1, keys
    /// the largest count of their raw type, annotation values throw when read). It lets a transformer's own
    /// schema rule serve for shape propagation; only the kinds and item types of its result are meaningful.
    /// </summary>
    public DataViewSchema ToStandInSchema()
    {
        var builder = new DataViewSchema.Builder();
        foreach (Column c in _columns)
            builder.AddColumn(c.Name, c.ToStandInType(), c.ToStandInAnnotations());
        return builder.ToSchema();
    }

    /// <summary>
    /// Propagates a shape through a schema rule: <paramref name="rule"/> maps a (stand-in) input schema to an
    /// output schema, usually the transformer's <see cref="ITransformer.GetOutputSchema"/>.
    /// </summary>
    public static SchemaShape Propagate(SchemaShape inputSchema, Func<DataViewSchema, DataViewSchema> rule)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        ArgumentNullException.ThrowIfNull(rule);
        return Create(rule(inputSchema.ToStandInSchema()));
    }

    /// <inheritdoc/>
    public IEnumerator<Column> GetEnumerator() => ((IEnumerable<Column>)_columns).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Lists the columns.</summary>
    public override string ToString() => string.Join(", ", _columns.Select(c => c.ToString()));
}
