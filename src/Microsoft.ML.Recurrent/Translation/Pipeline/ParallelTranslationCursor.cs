using Microsoft.ML;
using Microsoft.ML.Data;

namespace Microsoft.ML.Recurrent.Translation.Pipeline;

/// <summary>
/// A cursor of <see cref="ParallelTranslationDataView"/>: moves, positions and pass-through columns are the mapped
/// view's cursor's (opened without the translation columns); the translation columns read the current row's
/// translation from the look-ahead, whose cursor runs over the same rows in the same order.
/// </summary>
internal sealed class ParallelTranslationCursor : DataViewRowCursor
{
    private readonly DataViewRowCursor _cursor;
    private readonly TranslationLookAhead _lookAhead;
    private readonly int[] _outputOf;

    // Getters of the active translation columns, by schema index (null for the others), made once per cursor.
    private readonly Delegate?[] _getters;

    public ParallelTranslationCursor(Seq2SeqTranslatorTransformer translator, DataViewRowCursor cursor, TranslationLookAhead lookAhead,
        int[] outputOf, IReadOnlyList<int> activeTranslationColumns)
    {
        _cursor = cursor;
        _lookAhead = lookAhead;
        _outputOf = outputOf;
        _getters = new Delegate?[outputOf.Length];
        Func<Translation> current = Current;
        foreach (int index in activeTranslationColumns)
        {
            _getters[index] ??= translator.MakeOutputGetter(outputOf[index], current);
        }
    }

    public override long Position => _cursor.Position;

    public override long Batch => _cursor.Batch;

    public override DataViewSchema Schema => _cursor.Schema;

    public override bool MoveNext() => _cursor.MoveNext();

    public override bool IsColumnActive(DataViewSchema.Column column)
        => IsTranslation(column) ? _getters[column.Index] is not null : _cursor.IsColumnActive(column);

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        if (!IsTranslation(column))
        {
            return _cursor.GetGetter<TValue>(column);
        }
        var getter = _getters[column.Index]
            ?? throw new InvalidOperationException($"Column '{column.Name}' is not active in this cursor: request it when creating the cursor.");
        return getter as ValueGetter<TValue>
            ?? throw new InvalidOperationException(
                $"Column '{column.Name}' is of type {column.Type} (raw {column.Type.RawType.Name}); a getter of {typeof(TValue).Name} was requested.");
    }

    public override ValueGetter<DataViewRowId> GetIdGetter() => _cursor.GetIdGetter();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _lookAhead.Dispose();
            _cursor.Dispose();
        }
        base.Dispose(disposing);
    }

    private bool IsTranslation(DataViewSchema.Column column)
        => (uint)column.Index < (uint)_outputOf.Length && _outputOf[column.Index] >= 0 && Schema[column.Index].Name == column.Name;

    private Translation Current()
    {
        long row = _cursor.Position;
        if (row < 0)
        {
            throw new InvalidOperationException("The cursor is not on a row: call MoveNext first (and read only while it returns true).");
        }
        return _lookAhead.Get(row);
    }
}
