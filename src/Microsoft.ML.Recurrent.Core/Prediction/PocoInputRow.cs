using Microsoft.ML.Data;

namespace Microsoft.ML;

/// <summary>A single row whose values are read from the object a prediction engine is currently given.</summary>
internal sealed class PocoInputRow<TRow> : DataViewRow
    where TRow : class
{
    private readonly Delegate[] _getters;

    public PocoInputRow(DataViewSchema schema, IReadOnlyList<PocoMember<TRow>> members, PocoRowSource<TRow> source)
    {
        Schema = schema;
        Source = source;
        _getters = new Delegate[members.Count];
        for (int i = 0; i < members.Count; i++)
            _getters[i] = members[i].MakeGetter(source, schema[i].Type);
    }

    public PocoRowSource<TRow> Source { get; }

    public override long Position => Source.Position;

    public override long Batch => 0;

    public override DataViewSchema Schema { get; }

    public override bool IsColumnActive(DataViewSchema.Column column) => true;

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        => _getters[column.Index] as ValueGetter<TValue>
            ?? throw new InvalidOperationException($"Column '{column.Name}' is of type {column.Type} (raw {column.Type.RawType.Name}), not {typeof(TValue).Name}.");

    public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId id) => id = new DataViewRowId((ulong)Source.Position, 0);
}
