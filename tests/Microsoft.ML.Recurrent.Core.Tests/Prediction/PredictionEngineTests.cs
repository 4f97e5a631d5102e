using Microsoft.Extensions.ML;
using Microsoft.ML.Data;

namespace Microsoft.ML.Recurrent.Core.Tests.Prediction;

public sealed class PredictionEngineTests
{
    public sealed class Input
    {
        public float A { get; set; }

        public float B { get; set; }

        public string Label { get; set; } = "";
    }

    public sealed class Output
    {
        [ColumnName("F")]
        public float[] Features { get; set; } = [];

        public float C { get; set; }
    }

    private static ITransformer Fit(MLContext ml, out IDataView data)
    {
        data = ml.Data.LoadFromEnumerable(new[] { new Input { A = 1, B = 2, Label = "x" } });
        return ml.Transforms.CopyColumns("C", "A").Append(ml.Transforms.Concatenate("F", "A", "B")).Fit(data);
    }

    [Fact]
    public void Predict_MapsInputMembersThroughModel()
    {
        var ml = new MLContext(seed: 1);
        using var engine = ml.Model.CreatePredictionEngine<Input, Output>(Fit(ml, out _));

        Output result = engine.Predict(new Input { A = 3, B = 4 });

        Assert.Equal([3f, 4f], result.Features);
        Assert.Equal(3f, result.C);
    }

    [Fact]
    public void PredictRef_ReusesOutputObjectAndArrays()
    {
        var ml = new MLContext(seed: 1);
        using var engine = ml.Model.CreatePredictionEngine<Input, Output>(Fit(ml, out _));
        var output = new Output();

        engine.Predict(new Input { A = 1, B = 2 }, ref output);
        float[] first = output.Features;
        engine.Predict(new Input { A = 5, B = 6 }, ref output);

        Assert.Same(first, output.Features);
        Assert.Equal([5f, 6f], output.Features);
    }

    [Fact]
    public void PredictRef_AllocatesNothingPerCall()
    {
        var ml = new MLContext(seed: 1);
        using var engine = ml.Model.CreatePredictionEngine<Input, Output>(Fit(ml, out _));
        var input = new Input { A = 1, B = 2 };
        var output = new Output();
        for (int i = 0; i < 100; i++)
            engine.Predict(input, ref output);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
            engine.Predict(input, ref output);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void CreatePredictionEngine_FromLoadedModelAndSchema_Works()
    {
        var ml = new MLContext(seed: 1);
        ITransformer model = Fit(ml, out IDataView data);
        using var stream = new MemoryStream();
        ml.Model.Save(model, data.Schema, stream);
        stream.Position = 0;

        ITransformer loaded = ml.Model.Load(stream, out DataViewSchema? schema);
        using var engine = ml.Model.CreatePredictionEngine<Input, Output>(loaded, schema!);

        Assert.Equal([7f, 8f], engine.Predict(new Input { A = 7, B = 8 }).Features);
    }

    [Fact]
    public void CreatePredictionEngine_OutputMemberWithoutColumn_ThrowsWhenNotIgnored()
    {
        var ml = new MLContext(seed: 1);
        ITransformer model = ml.Transforms.CopyColumns("C", "A").Fit(ml.Data.LoadFromEnumerable(new[] { new Input() }));

        var e = Assert.Throws<SchemaMismatchException>(() => ml.Model.CreatePredictionEngine<Input, Output>(model, ignoreMissingColumns: false));

        Assert.Equal("F", e.ColumnName);
    }

    [Fact]
    public void Pool_PredictsConcurrentlyWithSameResults()
    {
        var ml = new MLContext(seed: 1);
        using var pool = new PredictionEnginePool<Input, Output>(ml, Fit(ml, out _));

        float[][] results = Enumerable.Range(0, 2000).AsParallel().Select(i => pool.Predict(new Input { A = i, B = -i }).Features).ToArray();

        for (int i = 0; i < results.Length; i++)
            Assert.Equal([(float)i, -i], results[i]);
    }
}
