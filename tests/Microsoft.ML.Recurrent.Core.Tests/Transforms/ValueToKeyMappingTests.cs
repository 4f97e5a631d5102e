using Microsoft.ML.Data;
using Microsoft.ML.Recurrent.Testing;
using Microsoft.ML.Transforms;

namespace Microsoft.ML.Recurrent.Core.Tests.Transforms;

public sealed class ValueToKeyMappingTests
{
    private sealed class Row
    {
        public string Label { get; set; } = "";

        public string[] Tokens { get; set; } = [];

        public float Value { get; set; }
    }

    private sealed class Keys
    {
        public uint LabelKey { get; set; }

        public uint[] TokenKeys { get; set; } = [];

        public string Back { get; set; } = "";
    }

    private static Row[] Rows() =>
    [
        new() { Label = "b", Tokens = ["x", "y"], Value = 2 },
        new() { Label = "a", Tokens = ["y"], Value = 1 },
        new() { Label = "b", Tokens = ["z", "x", "x"], Value = 2 },
    ];

    [Fact]
    public void MapValueToKey_ByOccurrence_NumbersKeysFromOneInFirstSeenOrder()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(Rows());
        var model = ml.Transforms.Conversion.MapValueToKey("LabelKey", "Label")
            .Append(ml.Transforms.Conversion.MapValueToKey("TokenKeys", "Tokens"))
            .Append(ml.Transforms.Conversion.MapKeyToValue("Back", "LabelKey"))
            .Fit(data);

        Keys[] result = ml.Data.CreateEnumerable<Keys>(model.Transform(data), reuseRowObject: false).ToArray();

        Assert.Equal([1u, 2u, 1u], result.Select(r => r.LabelKey));
        Assert.Equal([1u, 2u], result[0].TokenKeys);
        Assert.Equal([3u, 1u, 1u], result[2].TokenKeys);
        Assert.Equal(["b", "a", "b"], result.Select(r => r.Back));
    }

    [Fact]
    public void MapValueToKey_ByValue_SortsAndAnnotatesKeyValues()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(Rows());
        IDataView output = ml.Transforms.Conversion.MapValueToKey("LabelKey", "Label", keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue).Fit(data).Transform(data);

        DataViewSchema.Column column = output.Schema["LabelKey"];
        Assert.Equal(new KeyDataViewType(typeof(uint), 2), column.Type);
        Assert.True(column.HasKeyValues());
        VBuffer<ReadOnlyMemory<char>> values = default;
        column.GetKeyValues(ref values);
        Assert.Equal(["a", "b"], values.DenseValues().Select(v => v.ToString()));
        Assert.Equal([2u, 1u, 2u], output.GetColumn<uint>("LabelKey"));
    }

    [Fact]
    public void MapValueToKey_UnseenValue_MapsToMissingKey()
    {
        var ml = new MLContext(seed: 1);
        var model = ml.Transforms.Conversion.MapValueToKey("LabelKey", "Label").Fit(ml.Data.LoadFromEnumerable(Rows()));

        IDataView other = ml.Data.LoadFromEnumerable(new[] { new Row { Label = "never seen" } });

        Assert.Equal([0u], model.Transform(other).GetColumn<uint>("LabelKey"));
    }

    [Fact]
    public void MapValueToKey_MissingValues_MapToKeyZeroAndStayOutOfTheDictionary()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(new[] { new Row { Label = "", Value = float.NaN }, new Row { Label = "a", Value = 1 } });

        IDataView output = ml.Transforms.Conversion.MapValueToKey("LabelKey", "Label")
            .Append(ml.Transforms.Conversion.MapValueToKey("ValueKey", "Value")).Fit(data).Transform(data);

        Assert.Equal([0u, 1u], output.GetColumn<uint>("LabelKey"));
        Assert.Equal([0u, 1u], output.GetColumn<uint>("ValueKey"));
        Assert.Equal(new KeyDataViewType(typeof(uint), 1), output.Schema["LabelKey"].Type);
    }

    [Fact]
    public void MapValueToKey_MaximumNumberOfKeys_KeepsFirstAndLogsWarning()
    {
        var ml = new MLContext(seed: 1);
        var messages = new List<LoggingEventArgs>();
        ml.Log += (_, e) => messages.Add(e);

        var model = ml.Transforms.Conversion.MapValueToKey("TokenKeys", "Tokens", maximumNumberOfKeys: 2).Fit(ml.Data.LoadFromEnumerable(Rows()));

        Assert.Equal([2], model.KeyCounts);
        Assert.Contains(messages, m => m.Kind == Runtime.ChannelMessageKind.Warning && m.RawMessage.Contains("1 more map to key 0"));
    }

    [Fact]
    public void MapKeyToValue_OnNonKeyColumn_NamesColumnAndTypes()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(Rows());

        var e = Assert.Throws<SchemaMismatchException>(() => ml.Transforms.Conversion.MapKeyToValue("Back", "Value").Fit(data));

        Assert.Equal("Value", e.ColumnName);
        Assert.Equal("Single", e.Actual);
    }

    [Fact]
    public void KeyChain_RoundTripsThroughModelZip()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(Rows());
        var pipeline = ml.Transforms.Conversion.MapValueToKey("LabelKey", "Label")
            .Append(ml.Transforms.Conversion.MapValueToKey("TokenKeys", "Tokens", addKeyValueAnnotationsAsText: true))
            .Append(ml.Transforms.Conversion.MapValueToKey("ValueKey", "Value", keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue))
            .Append(ml.Transforms.Conversion.MapKeyToValue("Back", "LabelKey"))
            .Append(ml.Transforms.Concatenate("Both", "Value", "Value"))
            .Append(ml.Transforms.CopyColumns("Copy", "Tokens"))
            .Append(ml.Transforms.DropColumns("Label"));

        ModelRoundTrip.FitSaveLoadCompare(ml, pipeline, data);
    }
}
