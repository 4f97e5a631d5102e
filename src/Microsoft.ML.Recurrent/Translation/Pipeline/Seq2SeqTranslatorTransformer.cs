using Microsoft.ML;
using Microsoft.ML.Data;

[assembly: ModelComponent(Microsoft.ML.Recurrent.Translation.Pipeline.Seq2SeqTranslatorTransformer.ComponentName, 1,
    typeof(Microsoft.ML.Recurrent.Translation.Pipeline.Seq2SeqTranslatorTransformer))]

namespace Microsoft.ML.Recurrent.Translation.Pipeline;

/// <summary>
/// A fitted translator: adds the translation of the source text column (and, as configured, its score, the n-best
/// list with scores, and the attention weights). One row is translated once however many of its columns are read.
/// Cursors of <see cref="Transform"/> translate the rows ahead of them in blocks on all cores
/// (<see cref="MaxDegreeOfParallelism"/>); a prediction engine translates its one row on the calling thread.
/// </summary>
public sealed partial class Seq2SeqTranslatorTransformer : RowToRowTransformerBase, ILoadableTransformer<Seq2SeqTranslatorTransformer>
{
    /// <summary>The stable name in model.zip.</summary>
    public const string ComponentName = "Translation.Seq2SeqTranslator";

    private readonly List<(string Name, OutputKind Kind)> _outputs = new();
    private int _maxDegreeOfParallelism = Environment.ProcessorCount;

    internal Seq2SeqTranslatorTransformer(Seq2SeqModel model, Columns columns, TranslationOptions translation)
        : base("Seq2SeqTranslator")
    {
        Model = model;
        ColumnNames = columns;
        Translation = translation;
        translation.Validate();
        _outputs.Add((columns.Output, OutputKind.Text));
        if (columns.Score is { } score)
        {
            _outputs.Add((score, OutputKind.Score));
        }
        if (columns.NBest is { } nBest)
        {
            _outputs.Add((nBest, OutputKind.NBest));
        }
        if (columns.NBestScores is { } nBestScores)
        {
            _outputs.Add((nBestScores, OutputKind.NBestScores));
        }
        if (columns.Attention is { } attention)
        {
            _outputs.Add((attention, OutputKind.Attention));
        }
    }

    /// <summary>The trained model (translate with it directly, without a pipeline).</summary>
    public Seq2SeqModel Model { get; }

    /// <summary>Search settings used for every row.</summary>
    public TranslationOptions Translation { get; }

    /// <summary>
    /// Threads that translate rows for the cursors of <see cref="Transform"/>, at least 1; 1 translates each row when
    /// one of its columns is read, as a prediction engine does. A run-time setting, not saved in model.zip; a view
    /// keeps the value it was made with. Results do not depend on it. Default: <see cref="Environment.ProcessorCount"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        set
        {
            if (value < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), value,
                    "Seq2SeqTranslatorTransformer.MaxDegreeOfParallelism must be at least 1 (1 translates one row at a time).");
            }
            _maxDegreeOfParallelism = value;
        }
    }

    internal Columns ColumnNames { get; }

    /// <summary>Number of added columns (translation, score, n-best, ...), in schema order.</summary>
    internal int OutputCount => _outputs.Count;

    /// <summary>Name of added column <paramref name="outputIndex"/>.</summary>
    internal string OutputName(int outputIndex) => _outputs[outputIndex].Name;

    internal enum OutputKind
    {
        Text,
        Score,
        NBest,
        NBestScores,
        Attention,
    }

    /// <summary>Checks that <paramref name="schema"/> has the source column as text (one message for estimator and transformer).</summary>
    internal static DataViewSchema.Column CheckSource(DataViewSchema schema, string column, Func<string, DataViewType, SchemaMismatchException> mismatch,
        Func<string, SchemaMismatchException> missing)
    {
        var c = schema.GetColumnOrNull(column) ?? throw missing(column);
        if (c.Type is not TextDataViewType)
        {
            throw mismatch(column, c.Type);
        }
        return c;
    }

    /// <inheritdoc/>
    protected override DataViewSchema.DetachedColumn[] GetOutputColumns(DataViewSchema inputSchema)
    {
        var source = FindInputColumn(inputSchema, ColumnNames.Source, "String");
        if (source.Type is not TextDataViewType)
        {
            throw SchemaMismatch(ColumnNames.Source, "String", source.Type);
        }
        var columns = new DataViewSchema.DetachedColumn[_outputs.Count];
        for (int i = 0; i < columns.Length; i++)
        {
            DataViewType type = _outputs[i].Kind switch
            {
                OutputKind.Text => TextDataViewType.Instance,
                OutputKind.Score => NumberDataViewType.Single,
                OutputKind.NBest => new VectorDataViewType(TextDataViewType.Instance),
                _ => new VectorDataViewType(NumberDataViewType.Single),
            };
            columns[i] = new DataViewSchema.DetachedColumn(_outputs[i].Name, type);
        }
        return columns;
    }

    /// <summary>
    /// Adds the translation columns to <paramref name="input"/>, lazily. A cursor that reads one of them translates the
    /// rows ahead of it in blocks on <see cref="MaxDegreeOfParallelism"/> threads and serves them in order; the values
    /// are identical to translating one row at a time. Shuffled cursors translate one row at a time.
    /// </summary>
    /// <exception cref="SchemaMismatchException">The source column is missing or not text.</exception>
    public override IDataView Transform(IDataView input)
    {
        var mapped = base.Transform(input);
        int degree = _maxDegreeOfParallelism;
        return degree == 1 ? mapped : new ParallelTranslationDataView(this, input, mapped, degree);
    }

    /// <inheritdoc/>
    protected override IEnumerable<string> GetInputColumnNames(int outputColumnIndex) => [ColumnNames.Source];

    /// <inheritdoc/>
    protected override Delegate MakeGetter(DataViewRow input, int outputColumnIndex)
    {
        var active = new bool[_outputs.Count];
        active[outputColumnIndex] = true;
        return MakeGetters(input, active)[outputColumnIndex]!;
    }

    /// <inheritdoc/>
    protected override Delegate?[] MakeGetters(DataViewRow input, bool[] activeOutputColumns)
    {
        // One row at a time (prediction engines, shuffled cursors, MaxDegreeOfParallelism = 1): the row is translated
        // when one of its columns is first read, and once only however many of its columns are read.
        var getters = new Delegate?[_outputs.Count];
        if (Array.IndexOf(activeOutputColumns, true) < 0)
        {
            return getters;   // no translation column is read, so the source column may be inactive
        }
        var sourceGetter = input.GetGetter<ReadOnlyMemory<char>>(input.Schema[ColumnNames.Source]);
        ReadOnlyMemory<char> text = default;
        long cachedPosition = -1;
        Translation? cached = null;
        Translation Current()
        {
            if (cachedPosition != input.Position || cached is null)
            {
                sourceGetter(ref text);
                var (ids, tokens) = Model.EncodeSource(text.ToString(), Translation, input.Position);
                cached = Model.Search(ids, tokens, Translation);
                cachedPosition = input.Position;
            }
            return cached;
        }
        for (int i = 0; i < getters.Length; i++)
        {
            if (activeOutputColumns[i])
            {
                getters[i] = MakeOutputGetter(i, Current);
            }
        }
        return getters;
    }

    /// <summary>The getter of added column <paramref name="outputIndex"/>, reading the translation of the current row
    /// from <paramref name="current"/> (the one getter code shared by the one-row and the block-parallel paths).</summary>
    internal Delegate MakeOutputGetter(int outputIndex, Func<Translation> current) => _outputs[outputIndex].Kind switch
    {
        OutputKind.Text => (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> v) => v = current().Text.AsMemory()),
        OutputKind.Score => (ValueGetter<float>)((ref float v) => v = (float)current().Score),
        OutputKind.NBest => (ValueGetter<VBuffer<ReadOnlyMemory<char>>>)((ref VBuffer<ReadOnlyMemory<char>> v) =>
        {
            var list = current().Alternatives;
            var editor = VBufferEditor.Create(ref v, list.Count);
            for (int k = 0; k < list.Count; k++)
            {
                editor.Values[k] = list[k].Text.AsMemory();
            }
            v = editor.Commit();
        }),
        OutputKind.NBestScores => (ValueGetter<VBuffer<float>>)((ref VBuffer<float> v) =>
        {
            var list = current().Alternatives;
            var editor = VBufferEditor.Create(ref v, list.Count);
            for (int k = 0; k < list.Count; k++)
            {
                editor.Values[k] = (float)list[k].Score;
            }
            v = editor.Commit();
        }),
        _ => (ValueGetter<VBuffer<float>>)((ref VBuffer<float> v) =>
        {
            var a = current().Attention;
            int rows = a.GetLength(0), cols = a.GetLength(1);
            var editor = VBufferEditor.Create(ref v, rows * cols);
            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < cols; c++)
                {
                    editor.Values[r * cols + c] = a[r, c];
                }
            }
            v = editor.Commit();
        }),
    };

    /// <summary>The column names a translator reads and writes.</summary>
    internal sealed record Columns(string Source, string Target, string Output, string? Score, string? NBest, string? NBestScores, string? Attention);
}
