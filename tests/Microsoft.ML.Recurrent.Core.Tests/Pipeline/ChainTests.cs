using Microsoft.ML.Data;
using Microsoft.ML.Recurrent.Testing;
using Microsoft.ML.Transforms;

namespace Microsoft.ML.Recurrent.Core.Tests.Pipeline;

public sealed class ChainTests
{
    private sealed class Row
    {
        public string Label { get; set; } = "";

        public float A { get; set; }
    }

    private static readonly Row[] Rows = [new() { Label = "x", A = 1 }, new() { Label = "y", A = 2 }];

    [Fact]
    public void Append_ReturnsNewChain_LeavingOriginalUnchanged()
    {
        var ml = new MLContext(seed: 1);
        EstimatorChain<ColumnCopyingTransformer> one = new EstimatorChain<ITransformer>().Append(ml.Transforms.CopyColumns("B", "A"));
        EstimatorChain<ColumnCopyingTransformer> two = one.Append(ml.Transforms.CopyColumns("C", "A"));

        Assert.Single(one.Estimators);
        Assert.Equal(2, two.Estimators.Count);
        TransformerChain<ColumnCopyingTransformer> model = two.Fit(ml.Data.LoadFromEnumerable(Rows));
        Assert.Equal("C", model.LastTransformer.Columns[0].OutputColumnName);
    }

    [Fact]
    public void TrainingScope_IsAppliedInTrainingButNotInScoring()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(Rows);
        var pipeline = new EstimatorChain<ITransformer>()
            .Append(ml.Transforms.Conversion.MapValueToKey("LabelKey", "Label"), TransformerScope.Training)
            .Append(ml.Transforms.CopyColumns("B", "A"));

        TransformerChain<ColumnCopyingTransformer> model = pipeline.Fit(data);

        Assert.Null(model.Transform(data).Schema.GetColumnOrNull("LabelKey"));
        Assert.NotNull(model.Transform(data, TransformerScope.Training).Schema.GetColumnOrNull("LabelKey"));
        Assert.Single(model.GetModelFor(TransformerScope.Scoring));
        var loaded = ModelRoundTrip.SaveLoadCompare(ml, model, data);
        Assert.Null(loaded.Transform(data).Schema.GetColumnOrNull("LabelKey"));
    }

    [Fact]
    public void AppendCacheCheckpoint_FitsDownstreamFromCachedData()
    {
        var ml = new MLContext(seed: 1);
        int reads = 0;
        IEnumerable<Row> Source()
        {
            reads++;
            foreach (Row r in Rows)
                yield return r;
        }
        var pipeline = ml.Transforms.CopyColumns("B", "A").AppendCacheCheckpoint(ml)
            .Append(ml.Transforms.Conversion.MapValueToKey("K1", "Label"))
            .Append(ml.Transforms.Conversion.MapValueToKey("K2", "Label"));

        pipeline.Fit(ml.Data.LoadFromEnumerable(Source()));

        Assert.Equal(1, reads);
    }

    [Fact]
    public void TransformerChain_SchemaMismatch_NamesStep()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(Rows);
        var chain = new TransformerChain<ITransformer>(new ColumnCopyingTransformer(new InputOutputColumnPair("B", "A")), new ColumnCopyingTransformer(new InputOutputColumnPair("C", "Missing")));

        var e = Assert.Throws<SchemaMismatchException>(() => chain.Transform(data));

        Assert.StartsWith("Schema mismatch in step 2 of 2 (CopyColumns) for input column 'Missing': expected a column, got missing", e.Message);
    }

    [Fact]
    public void SaveNullModel_LoadsAsEmptyChain()
    {
        var ml = new MLContext(seed: 1);
        using var stream = new MemoryStream();
        ml.Model.Save(null, null, stream);
        stream.Position = 0;

        ITransformer loaded = ml.Model.Load(stream, out DataViewSchema? schema);

        Assert.Null(schema);
        Assert.Empty((TransformerChain<ITransformer>)loaded);
    }

    [Fact]
    public void Save_SameModelTwice_GivesIdenticalBytes()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(Rows);
        ITransformer model = ml.Transforms.Conversion.MapValueToKey("K", "Label").Fit(data);

        Assert.Equal(ModelRoundTrip.Save(ml, model, data.Schema), ModelRoundTrip.Save(new MLContext(seed: 1), ml.Transforms.Conversion.MapValueToKey("K", "Label").Fit(data), data.Schema));
    }
}
