using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Recurrent.Translation;
using Microsoft.ML.Recurrent.Translation.Dates;
using Microsoft.ML.Recurrent.Translation.Pipeline;

namespace Microsoft.ML.Recurrent.Tests.Translation.Pipeline;

public sealed class ParallelTranslationDataViewTests : IClassFixture<ParallelTranslationDataViewTests.DateModel>
{
    private const int Rows = 40;
    private readonly DateModel _date;

    public ParallelTranslationDataViewTests(DateModel date) => _date = date;

    /// <summary>A small date model trained once for the class; its quality does not matter, only that the paths agree.</summary>
    public sealed class DateModel
    {
        public DateModel()
        {
            Train = DateCorpus.Generate(300, seed: 11);
            Model = new Seq2SeqTrainer(new Seq2SeqTrainerOptions { Epochs = 2, BatchSize = 32, LearningRate = 0.01f })
                .Fit(new Seq2SeqModelOptions { EmbeddingSize = 16, HiddenSize = 32 }, Train);
        }

        public List<SentencePair> Train { get; }

        public Seq2SeqModel Model { get; }
    }

    public sealed class Row
    {
        public string Source { get; set; } = "";

        public string Target { get; set; } = "";
    }

    public sealed class Output
    {
        public string Source { get; set; } = "";

        public string Translation { get; set; } = "";

        public float Score { get; set; }

        [VectorType]
        public string[] NBest { get; set; } = [];

        [VectorType]
        public float[] NBestScores { get; set; } = [];

        [VectorType]
        public float[] Attention { get; set; } = [];
    }

    private static readonly Seq2SeqTranslatorTransformer.Columns AllColumns =
        new("Source", "Target", "Translation", "Score", "NBest", "NBestScores", "Attention");

    [Theory]
    [InlineData(1, 1, 2)]
    [InlineData(3, 3, 2)]
    [InlineData(3, 2, 3)]
    [InlineData(1, 1, 1)]
    public void Transform_GivesEveryRowTheValuesOfTranslatingItAlone(int beam, int nBest, int threads)
    {
        var options = new TranslationOptions { BeamWidth = beam, NBest = nBest };
        var translator = new Seq2SeqTranslatorTransformer(_date.Model, AllColumns, options) { MaxDegreeOfParallelism = threads };
        var ml = new MLContext(seed: 1);
        var rows = SourceRows(Rows);
        var outputs = ml.Data.CreateEnumerable<Output>(translator.Transform(ml.Data.LoadFromEnumerable(rows)), reuseRowObject: false).ToList();

        Assert.Equal(Rows, outputs.Count);
        for (int i = 0; i < Rows; i++)
        {
            var expected = _date.Model.Translate(rows[i].Source, options);
            AssertSame(expected, outputs[i], i);
        }
    }

    [Fact]
    public void Transform_OfALoadedModel_GivesEveryRowTheValuesOfTranslatingItAlone()
    {
        // A loaded model's packed recurrent weights are first allocated by the threads of the first block, at once.
        var options = new TranslationOptions { BeamWidth = 2 };
        var translator = new Seq2SeqTranslatorTransformer(_date.Model, AllColumns, options);
        var ml = new MLContext(seed: 1);
        var bytes = Microsoft.ML.Recurrent.Testing.ModelRoundTrip.Save(ml, translator, null);
        var loaded = Assert.IsType<Seq2SeqTranslatorTransformer>(ml.Model.Load(new MemoryStream(bytes), out _));
        loaded.MaxDegreeOfParallelism = 2;
        var rows = SourceRows(Rows);
        var outputs = ml.Data.CreateEnumerable<Output>(loaded.Transform(ml.Data.LoadFromEnumerable(rows)), reuseRowObject: false).ToList();
        for (int i = 0; i < Rows; i++)
        {
            AssertSame(_date.Model.Translate(rows[i].Source, options), outputs[i], i);
        }
    }

    [Fact]
    public void PredictionEngine_GivesTheValuesOfTranslatingTheRowAlone()
    {
        var options = new TranslationOptions { BeamWidth = 3, NBest = 3 };
        var translator = new Seq2SeqTranslatorTransformer(_date.Model, AllColumns, options);
        var ml = new MLContext(seed: 1);
        var engine = ml.Model.CreatePredictionEngine<Row, Output>(translator);
        foreach (var row in SourceRows(5))
        {
            AssertSame(_date.Model.Translate(row.Source, options), engine.Predict(row), 0);
        }
    }

    [Fact]
    public void Cursor_ReadingOnlyPassThroughColumns_NeverReadsASource()
    {
        var translator = new Seq2SeqTranslatorTransformer(_date.Model, AllColumns, new TranslationOptions()) { MaxDegreeOfParallelism = 2 };
        var ml = new MLContext(seed: 1);
        var input = new CountingDataView(ml.Data.LoadFromEnumerable(SourceRows(Rows)), "Source");
        var view = translator.Transform(input);
        var target = view.Schema["Target"];
        int count = 0;
        using (var cursor = view.GetRowCursor([target]))
        {
            var get = cursor.GetGetter<ReadOnlyMemory<char>>(target);
            ReadOnlyMemory<char> value = default;
            while (cursor.MoveNext())
            {
                get(ref value);
                count++;
            }
        }
        Assert.Equal(Rows, count);
        Assert.Equal(0, input.Reads);
        Assert.Equal(1, input.Opened);
    }

    [Fact]
    public void Cursor_ReadingTheTranslation_ReadsEachSourceOnce_AndDisposingClosesEveryInputCursor()
    {
        var translator = new Seq2SeqTranslatorTransformer(_date.Model, AllColumns, new TranslationOptions()) { MaxDegreeOfParallelism = 2 };
        var ml = new MLContext(seed: 1);
        var input = new CountingDataView(ml.Data.LoadFromEnumerable(SourceRows(Rows)), "Source");
        var view = translator.Transform(input);
        using (var cursor = view.GetRowCursor([view.Schema["Translation"], view.Schema["Score"]]))
        {
            var text = cursor.GetGetter<ReadOnlyMemory<char>>(view.Schema["Translation"]);
            var score = cursor.GetGetter<float>(view.Schema["Score"]);
            ReadOnlyMemory<char> t = default;
            float s = 0;
            while (cursor.MoveNext())
            {
                text(ref t);
                score(ref s);
                text(ref t);
            }
            Assert.Equal(2, input.Opened);   // the cursor's own and the look-ahead
        }
        Assert.Equal(Rows, input.Reads);
        Assert.Equal(2, input.Disposed);
    }

    [Fact]
    public void Cursor_StoppedEarly_ReadsOnlyTheBlocksItNeeded_AndDisposingClosesTheLookAhead()
    {
        var translator = new Seq2SeqTranslatorTransformer(_date.Model, AllColumns, new TranslationOptions()) { MaxDegreeOfParallelism = 2 };
        var ml = new MLContext(seed: 1);
        var input = new CountingDataView(ml.Data.LoadFromEnumerable(SourceRows(Rows)), "Source");
        var view = translator.Transform(input);
        var cursor = view.GetRowCursor([view.Schema["Translation"]]);
        var text = cursor.GetGetter<ReadOnlyMemory<char>>(view.Schema["Translation"]);
        ReadOnlyMemory<char> t = default;
        Assert.True(cursor.MoveNext());
        text(ref t);
        // The first block holds one row per thread.
        Assert.Equal(2, input.Reads);
        cursor.Dispose();
        Assert.Equal(2, input.Opened);
        Assert.Equal(2, input.Disposed);
    }

    [Fact]
    public void Cursor_SkippingRows_ServesTheRowsItReads()
    {
        var options = new TranslationOptions();
        var translator = new Seq2SeqTranslatorTransformer(_date.Model, AllColumns, options) { MaxDegreeOfParallelism = 2 };
        var ml = new MLContext(seed: 1);
        var rows = SourceRows(Rows);
        var input = new CountingDataView(ml.Data.LoadFromEnumerable(rows), "Source");
        var view = translator.Transform(input);
        using var cursor = view.GetRowCursor([view.Schema["Translation"]]);
        var text = cursor.GetGetter<ReadOnlyMemory<char>>(view.Schema["Translation"]);
        ReadOnlyMemory<char> t = default;
        int read = 0;
        while (cursor.MoveNext())
        {
            if (cursor.Position % 7 == 3)
            {
                text(ref t);
                Assert.Equal(_date.Model.Translate(rows[(int)cursor.Position].Source, options).Text, t.ToString());
                read++;
            }
        }
        Assert.Equal(6, read);
        Assert.True(input.Reads < Rows, $"{input.Reads} sources read for {read} rows served");
    }

    [Fact]
    public void Transform_NamesTheRow_WhoseSourceIsTooLong_AfterServingTheRowsBeforeIt()
    {
        var options = new TranslationOptions();
        var translator = new Seq2SeqTranslatorTransformer(_date.Model, AllColumns, options) { MaxDegreeOfParallelism = 2 };
        var ml = new MLContext(seed: 1);
        var rows = SourceRows(Rows);
        const int bad = 23;
        rows[bad] = new Row { Source = new string('1', _date.Model.MaxTrainingSourceTokens + 1) };
        var view = translator.Transform(ml.Data.LoadFromEnumerable(rows));
        using var cursor = view.GetRowCursor([view.Schema["Translation"]]);
        var text = cursor.GetGetter<ReadOnlyMemory<char>>(view.Schema["Translation"]);
        ReadOnlyMemory<char> t = default;
        for (int i = 0; i < bad; i++)
        {
            Assert.True(cursor.MoveNext());
            text(ref t);
            Assert.Equal(_date.Model.Translate(rows[i].Source, options).Text, t.ToString());
        }
        Assert.True(cursor.MoveNext());
        var e = Assert.Throws<ArgumentException>(() => text(ref t));
        Assert.Contains($"row {bad} (0-based)", e.Message);
        Assert.Contains($"at most {_date.Model.MaxTrainingSourceTokens}", e.Message);
        // As when translating one row at a time, the rows after it are still served.
        Assert.True(cursor.MoveNext());
        text(ref t);
        Assert.Equal(_date.Model.Translate(rows[bad + 1].Source, options).Text, t.ToString());
    }

    [Fact]
    public void ShuffledCursor_AndCursorSet_GiveEachRowItsOwnTranslation()
    {
        var options = new TranslationOptions();
        var translator = new Seq2SeqTranslatorTransformer(_date.Model, AllColumns, options) { MaxDegreeOfParallelism = 2 };
        var ml = new MLContext(seed: 1);
        var rows = SourceRows(Rows);
        var view = translator.Transform(ml.Data.LoadFromEnumerable(rows));
        var expected = new Dictionary<string, string>();
        foreach (var row in rows)
        {
            expected[row.Source] = _date.Model.Translate(row.Source, options).Text;
        }
        var columns = new[] { view.Schema["Source"], view.Schema["Translation"] };

        using (var shuffled = view.GetRowCursor(columns, new Random(5)))
        {
            Assert.Equal(Rows, CheckPairs(shuffled, columns, expected));
        }
        var set = view.GetRowCursorSet(columns, 2);
        int total = 0;
        foreach (var cursor in set)
        {
            total += CheckPairs(cursor, columns, expected);
            cursor.Dispose();
        }
        Assert.Equal(Rows, total);
    }

    [Fact]
    public void MaxDegreeOfParallelism_RejectsZero_NamingTheSetting()
    {
        var translator = new Seq2SeqTranslatorTransformer(_date.Model, AllColumns, new TranslationOptions());
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => translator.MaxDegreeOfParallelism = 0);
        Assert.Contains("MaxDegreeOfParallelism", e.Message);
        Assert.Equal(Environment.ProcessorCount, translator.MaxDegreeOfParallelism);
    }

    private List<Row> SourceRows(int count)
    {
        // Training sources, so that none is longer than the model accepts.
        var rows = new List<Row>(count);
        for (int i = 0; i < count; i++)
        {
            rows.Add(new Row { Source = _date.Train[i].Source, Target = _date.Train[i].Target });
        }
        return rows;
    }

    private static int CheckPairs(DataViewRowCursor cursor, DataViewSchema.Column[] columns, Dictionary<string, string> expected)
    {
        var source = cursor.GetGetter<ReadOnlyMemory<char>>(columns[0]);
        var text = cursor.GetGetter<ReadOnlyMemory<char>>(columns[1]);
        ReadOnlyMemory<char> s = default, t = default;
        int count = 0;
        while (cursor.MoveNext())
        {
            source(ref s);
            text(ref t);
            Assert.Equal(expected[s.ToString()], t.ToString());
            count++;
        }
        return count;
    }

    private static void AssertSame(Microsoft.ML.Recurrent.Translation.Translation expected, Output actual, int row)
    {
        Assert.True(expected.Text == actual.Translation, $"row {row}: '{actual.Translation}', expected '{expected.Text}'");
        Assert.Equal((float)expected.Score, actual.Score);
        Assert.Equal(expected.Alternatives.Count, actual.NBest.Length);
        Assert.Equal(expected.Alternatives.Count, actual.NBestScores.Length);
        for (int k = 0; k < expected.Alternatives.Count; k++)
        {
            Assert.Equal(expected.Alternatives[k].Text, actual.NBest[k]);
            Assert.Equal((float)expected.Alternatives[k].Score, actual.NBestScores[k]);
        }
        var a = expected.Attention;
        Assert.True(a.Length > 0, $"row {row}: the model has attention, so the weights cannot be empty");
        Assert.Equal(a.Length, actual.Attention.Length);
        int cols = a.GetLength(1);
        for (int r = 0; r < a.GetLength(0); r++)
        {
            for (int c = 0; c < cols; c++)
            {
                Assert.Equal(a[r, c], actual.Attention[r * cols + c]);
            }
        }
    }
}
