using Microsoft.ML.Data;

namespace Microsoft.ML.Recurrent.Core.Tests.Transforms;

public sealed class ColumnTransformsTests
{
    private sealed class Row
    {
        public float A { get; set; }

        public float B { get; set; }

        [VectorType(2)]
        public float[] V { get; set; } = [];

        public string Text { get; set; } = "";
    }

    private static readonly Row[] Rows = [new() { A = 1, B = 2, V = [3, 4], Text = "t" }, new() { A = 5, B = 6, V = [7, 8], Text = "u" }];

    [Fact]
    public void Concatenate_ScalarsAndVectors_GivesKnownSizeVectorInOrder()
    {
        var ml = new MLContext(seed: 1);
        IDataView output = ml.Transforms.Concatenate("F", "A", "V", "B").Fit(ml.Data.LoadFromEnumerable(Rows)).Transform(ml.Data.LoadFromEnumerable(Rows));

        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 4), output.Schema["F"].Type);
        Assert.Equal([[1f, 3, 4, 2], [5f, 7, 8, 6]], output.GetColumn<VBuffer<float>>("F").Select(v => v.DenseValues().ToArray()));
    }

    [Fact]
    public void Concatenate_MixedItemTypes_NamesTheOffendingColumn()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(Rows);

        var e = Assert.Throws<SchemaMismatchException>(() => ml.Transforms.Concatenate("F", "A", "Text").Fit(data));

        Assert.Equal("Text", e.ColumnName);
        Assert.Equal("String", e.Actual);
        Assert.StartsWith("Single or Vector<Single>", e.Expected);
    }

    [Fact]
    public void CopyColumns_SameName_HidesOriginal()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(Rows);
        IDataView output = ml.Transforms.CopyColumns("A", "B").Fit(data).Transform(data);

        Assert.Equal([2f, 6f], output.GetColumn<float>("A"));
        Assert.True(output.Schema[0].IsHidden);
    }

    [Fact]
    public void SelectColumns_KeepsGivenOrder_DropColumns_RemovesThem()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(Rows);

        IDataView selected = ml.Transforms.SelectColumns("Text", "A").Fit(data).Transform(data);
        IDataView dropped = ml.Transforms.DropColumns("A", "V").Fit(data).Transform(data);

        Assert.Equal(["Text", "A"], selected.Schema.Select(c => c.Name));
        Assert.Equal(["B", "Text"], dropped.Schema.Select(c => c.Name));
        Assert.Equal([1f, 5f], selected.GetColumn<float>("A"));
    }

    [Fact]
    public void DropColumns_Missing_NamesColumnAndAvailableOnes()
    {
        var ml = new MLContext(seed: 1);
        var e = Assert.Throws<SchemaMismatchException>(() => ml.Transforms.DropColumns("Nope").Fit(ml.Data.LoadFromEnumerable(Rows)));

        Assert.Equal("Nope", e.ColumnName);
        Assert.Contains("'A' (Single)", e.Actual);
    }

    [Fact]
    public void Transform_ComputesOnlyRequestedColumns()
    {
        var ml = new MLContext(seed: 1);
        int calls = 0;
        var counting = new CountingRows(() => calls++);
        IDataView data = ml.Data.LoadFromEnumerable(counting);
        IDataView output = ml.Transforms.Concatenate("F", "A", "B").Fit(data).Transform(data);

        Assert.Equal(2, output.GetColumn<float>("B").Count());

        Assert.Equal(0, calls);
    }

    private sealed class CountedRow
    {
        private readonly Action _onRead;

        public CountedRow(Action onRead) => _onRead = onRead;

        public float A
        {
            get
            {
                _onRead();
                return 1;
            }
        }

        public float B => 2;
    }

    private sealed class CountingRows : List<CountedRow>
    {
        public CountingRows(Action onRead)
        {
            Add(new CountedRow(onRead));
            Add(new CountedRow(onRead));
        }
    }
}
