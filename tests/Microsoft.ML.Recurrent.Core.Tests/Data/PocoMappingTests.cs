using Microsoft.ML.Data;

namespace Microsoft.ML.Recurrent.Core.Tests.Data;

public sealed class PocoMappingTests
{
    public sealed class Rich
    {
        [ColumnName("Label")]
        public string Name { get; set; } = "";

        [KeyType(10)]
        public uint Key { get; set; }

        [VectorType(3)]
        public float[] Fixed { get; set; } = [];

        public double[] Variable { get; set; } = [];

        public string[] Tokens { get; set; } = [];

        public ReadOnlyMemory<char> Memory { get; set; }

        [NoColumn]
        public int Ignored { get; set; }

        public long Field;
    }

    [Fact]
    public void LoadFromEnumerable_AttributesShapeTheSchema()
    {
        var ml = new MLContext(seed: 1);
        DataViewSchema schema = ml.Data.LoadFromEnumerable(Array.Empty<Rich>()).Schema;

        // Fields first, then properties, each in declaration order (as ML.NET lists them).
        Assert.Equal(["Field", "Label", "Key", "Fixed", "Variable", "Tokens", "Memory"], schema.Select(c => c.Name));
        Assert.Equal(TextDataViewType.Instance, schema["Label"].Type);
        Assert.Equal(new KeyDataViewType(typeof(uint), 10), schema["Key"].Type);
        Assert.Equal("Vector<Single, 3>", schema["Fixed"].Type.ToString());
        Assert.Equal("Vector<Double>", schema["Variable"].Type.ToString());
        Assert.Equal("Vector<String>", schema["Tokens"].Type.ToString());
        Assert.Equal(NumberDataViewType.Int64, schema["Field"].Type);
    }

    [Fact]
    public void CreateEnumerable_RoundTripsEveryMember()
    {
        var ml = new MLContext(seed: 1);
        var source = new[] { new Rich { Name = "n", Key = 3, Fixed = [1, 2, 3], Variable = [4], Tokens = ["a", "b"], Memory = "m".AsMemory(), Ignored = 9, Field = 7 } };

        Rich back = ml.Data.CreateEnumerable<Rich>(ml.Data.LoadFromEnumerable(source), reuseRowObject: false).Single();

        Assert.Equal("n", back.Name);
        Assert.Equal(3u, back.Key);
        Assert.Equal([1f, 2, 3], back.Fixed);
        Assert.Equal([4.0], back.Variable);
        Assert.Equal(["a", "b"], back.Tokens);
        Assert.Equal("m", back.Memory.ToString());
        Assert.Equal(0, back.Ignored);
        Assert.Equal(7, back.Field);
    }

    [Fact]
    public void LoadFromEnumerable_WrongVectorLength_NamesRowAndColumn()
    {
        var ml = new MLContext(seed: 1);
        var source = new[] { new Rich { Fixed = [1, 2, 3] }, new Rich { Fixed = [1] } };

        var e = Assert.Throws<InvalidOperationException>(() => ml.Data.LoadFromEnumerable(source).GetColumn<VBuffer<float>>("Fixed").ToArray());

        Assert.Equal("Row 1, column 'Fixed' (Rich.Fixed): expected 3 items, found 1.", e.Message);
    }

    [Fact]
    public void LoadFromEnumerable_KeyAboveCount_NamesRow()
    {
        var ml = new MLContext(seed: 1);
        var e = Assert.Throws<InvalidOperationException>(() => ml.Data.LoadFromEnumerable(new[] { new Rich { Key = 11 } }).GetColumn<uint>("Key").ToArray());
        Assert.Contains("key 11 exceeds the key count 10", e.Message);
    }

    [Fact]
    public void CreateEnumerable_ReuseRowObject_ReturnsSameInstance()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(new[] { new Rich { Field = 1, Fixed = [1, 2, 3] }, new Rich { Field = 2, Fixed = [4, 5, 6] } });

        var seen = new List<(Rich Row, long Field)>();
        foreach (Rich r in ml.Data.CreateEnumerable<Rich>(data, reuseRowObject: true))
            seen.Add((r, r.Field));

        Assert.Same(seen[0].Row, seen[1].Row);
        Assert.Equal([1L, 2L], seen.Select(s => s.Field));
    }

    public sealed class WrongType
    {
        public int Label { get; set; }
    }

    [Fact]
    public void CreateEnumerable_TypeMismatch_NamesColumnExpectedAndActual()
    {
        var ml = new MLContext(seed: 1);
        var e = Assert.Throws<SchemaMismatchException>(() => ml.Data.CreateEnumerable<WrongType>(ml.Data.LoadFromEnumerable(new[] { new Rich() }), false));
        Assert.Equal("Label", e.ColumnName);
        Assert.Equal("String", e.Actual);
        Assert.StartsWith("Int32", e.Expected);
    }

    [Fact]
    public void CreateEnumerable_MissingColumn_ThrowsUnlessIgnored()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(new[] { new WrongType() });
        Assert.Throws<SchemaMismatchException>(() => ml.Data.CreateEnumerable<Rich>(data, false));
        Assert.Single(ml.Data.CreateEnumerable<OnlyField>(data, false, ignoreMissingColumns: true));
    }

    public sealed class OnlyField
    {
        public long Other { get; set; }
    }
}
