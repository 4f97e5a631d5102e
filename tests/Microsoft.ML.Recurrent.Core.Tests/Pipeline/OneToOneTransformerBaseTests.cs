using Microsoft.ML.Data;
using Microsoft.ML.Recurrent.Core.Tests.Example;
using Microsoft.ML.Recurrent.Testing;

namespace Microsoft.ML.Recurrent.Core.Tests.Pipeline;

public sealed class OneToOneTransformerBaseTests
{
    private sealed class Row
    {
        public string Text { get; set; } = "";

        public float Value { get; set; }
    }

    private sealed class Output
    {
        public string Upper { get; set; } = "";

        public float Value { get; set; }
    }

    private static readonly Row[] Rows = [new() { Text = "abc 12", Value = 1 }, new() { Text = "Déjà vu", Value = 2 }, new() { Text = "", Value = 3 }];

    [Fact]
    public void Transform_AddsColumn_ComputedFromInput()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(Rows);
        IDataView output = ml.Transforms.Text.UpperCase("Upper", "Text").Fit(data).Transform(data);

        var result = ml.Data.CreateEnumerable<Output>(output, reuseRowObject: false).ToArray();

        Assert.Equal(["ABC 12", "DÉJÀ VU", ""], result.Select(r => r.Upper));
        Assert.Equal([1f, 2f, 3f], result.Select(r => r.Value));
    }

    [Fact]
    public void Fit_WrongInputType_NamesStepColumnExpectedAndActual()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(Rows);

        var e = Assert.Throws<SchemaMismatchException>(() => ml.Transforms.Text.UpperCase("Upper", "Value").Fit(data));

        Assert.Equal("Schema mismatch in UpperCase for input column 'Value': expected String, got Single.", e.Message);
    }

    [Fact]
    public void EstimatorChain_MismatchInLaterStep_NamesTheStepBeforeTraining()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(Rows);
        var pipeline = ml.Transforms.Text.UpperCase("Upper", "Text").Append(ml.Transforms.Text.UpperCase("Upper2", "Value"));

        var e = Assert.Throws<SchemaMismatchException>(() => pipeline.Fit(data));

        Assert.Equal("step 2 of 2 (UpperCase)", e.Step);
        Assert.Equal("Value", e.ColumnName);
        Assert.Equal("String", e.Expected);
        Assert.Equal("Single", e.Actual);
    }

    [Fact]
    public void GetOutputSchema_OnShape_MatchesRealOutput()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(Rows);
        var estimator = ml.Transforms.Text.UpperCase("Upper", "Text");

        SchemaShape shape = estimator.GetOutputSchema(SchemaShape.Create(data.Schema));

        Assert.True(shape.TryFindColumn("Upper", out SchemaShape.Column upper));
        Assert.Equal("String", upper.GetTypeString());
    }

    [Fact]
    public void UpperCase_PassesEstimatorConformance()
    {
        var ml = new MLContext(seed: 1);
        IDataView good = ml.Data.LoadFromEnumerable(Rows);
        IDataView bad = ml.Data.LoadFromEnumerable(new[] { new Output { Upper = "x", Value = 1 } });

        EstimatorConformance.Check(ml, ml.Transforms.Text.UpperCase("Out", "Text"), good, bad);
    }

    [Fact]
    public void ModelRoundTrip_GivesIdenticalOutputs()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(Rows);
        var pipeline = ml.Transforms.Text.UpperCase("Upper", "Text", keepDigits: false)
            .Append(ml.Transforms.Text.UpperCase("Text"));

        (ITransformer _, ITransformer loaded) = ModelRoundTrip.FitSaveLoadCompare(ml, pipeline, data);

        var result = ml.Data.CreateEnumerable<Output>(loaded.Transform(data), reuseRowObject: false).First();
        Assert.Equal("ABC ##", result.Upper);
    }
}
