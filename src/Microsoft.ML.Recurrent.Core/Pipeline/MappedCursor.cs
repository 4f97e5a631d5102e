using Microsoft.ML.Data;

namespace Microsoft.ML;

/// <summary>A cursor that moves its input cursor and reads values through a mapped row over it.</summary>
internal sealed class MappedCursor : DataViewRowCursor
{
    private readonly DataViewRowCursor _input;
    private readonly DataViewRow _row;

    public MappedCursor(DataViewRowCursor input, DataViewRow row)
    {
        _input = input;
        _row = row;
    }

    public override long Position => _input.Position;

    public override long Batch => _input.Batch;

    public override DataViewSchema Schema => _row.Schema;

    public override bool MoveNext() => _input.MoveNext();

    public override bool IsColumnActive(DataViewSchema.Column column) => _row.IsColumnActive(column);

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => _row.GetGetter<TValue>(column);

    public override ValueGetter<DataViewRowId> GetIdGetter() => _input.GetIdGetter();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _row.Dispose();
            _input.Dispose();
        }
        base.Dispose(disposing);
    }
}
