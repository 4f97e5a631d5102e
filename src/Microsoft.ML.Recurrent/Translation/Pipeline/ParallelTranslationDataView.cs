using Microsoft.ML;

namespace Microsoft.ML.Recurrent.Translation.Pipeline;

/// <summary>
/// What <see cref="Seq2SeqTranslatorTransformer.Transform"/> returns: the translator's mapped view, whose cursors get
/// their translation columns from a <see cref="TranslationLookAhead"/> (blocks of rows translated on several threads)
/// instead of translating each row when it is read.
/// </summary>
/// <remarks>
/// A cursor that reads no translation column, and a shuffled cursor, are the mapped view's own: the first must not
/// translate at all, and the second's order cannot be reproduced by a second cursor (a <see cref="Random"/> cannot
/// be copied), so its rows are translated one at a time.
/// </remarks>
internal sealed class ParallelTranslationDataView : IDataView
{
    private readonly Seq2SeqTranslatorTransformer _translator;
    private readonly IDataView _input;
    private readonly IDataView _mapped;
    private readonly DataViewSchema.Column _source;
    private readonly int _degree;

    // For each column of the mapped schema: the translator's output index of that column, or -1 for a column that
    // passes through from the input.
    private readonly int[] _outputOf;

    public ParallelTranslationDataView(Seq2SeqTranslatorTransformer translator, IDataView input, IDataView mapped, int degree)
    {
        _translator = translator;
        _input = input;
        _mapped = mapped;
        _degree = degree;
        _source = input.Schema[translator.ColumnNames.Source];
        _outputOf = new int[mapped.Schema.Count];
        Array.Fill(_outputOf, -1);
        // The mapped schema is the input's columns, then the added ones in order (RowToRowTransformerBase's layout).
        int first = input.Schema.Count;
        for (int j = 0; j < translator.OutputCount; j++)
        {
            if (first + j >= mapped.Schema.Count || mapped.Schema[first + j].Name != translator.OutputName(j))
            {
                throw new InvalidOperationException(
                    $"Internal error: the translator's column '{translator.OutputName(j)}' is not at index {first + j} of the mapped schema.");
            }
            _outputOf[first + j] = j;
        }
    }

    public bool CanShuffle => _mapped.CanShuffle;

    public DataViewSchema Schema => _mapped.Schema;

    public long? GetRowCount() => _mapped.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        ArgumentNullException.ThrowIfNull(columnsNeeded);
        var needed = columnsNeeded.ToArray();
        var passThrough = new List<DataViewSchema.Column>(needed.Length);
        var translated = new List<int>();
        foreach (var column in needed)
        {
            CheckOwn(column);
            if (_outputOf[column.Index] >= 0)
            {
                translated.Add(column.Index);
            }
            else
            {
                passThrough.Add(column);
            }
        }
        if (translated.Count == 0 || rand is not null)
        {
            return _mapped.GetRowCursor(needed, rand);
        }
        var cursor = _mapped.GetRowCursor(passThrough);
        var lookAhead = new TranslationLookAhead(_input, _source, _translator.Model, _translator.Translation, _degree);
        return new ParallelTranslationCursor(_translator, cursor, lookAhead, _outputOf, translated);
    }

    /// <summary>
    /// One cursor when a translation column is read (it already uses every thread it may, and the look-ahead needs the
    /// rows in the unshuffled order); otherwise the mapped view's set.
    /// </summary>
    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null)
    {
        ArgumentNullException.ThrowIfNull(columnsNeeded);
        var needed = columnsNeeded.ToArray();
        if (rand is null)
        {
            foreach (var column in needed)
            {
                CheckOwn(column);
                if (_outputOf[column.Index] >= 0)
                {
                    return [GetRowCursor(needed)];
                }
            }
        }
        return _mapped.GetRowCursorSet(needed, n, rand);
    }

    private void CheckOwn(DataViewSchema.Column column)
    {
        if ((uint)column.Index >= (uint)_outputOf.Length || Schema[column.Index].Name != column.Name)
        {
            throw new ArgumentException($"Column '{column.Name}' (index {column.Index}) is not a column of this translated view's schema.",
                nameof(column));
        }
    }
}
