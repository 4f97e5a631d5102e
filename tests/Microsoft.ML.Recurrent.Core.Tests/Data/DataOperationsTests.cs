using Microsoft.ML.Data;

namespace Microsoft.ML.Recurrent.Core.Tests.Data;

public sealed class DataOperationsTests
{
    private sealed class Row
    {
        public int Id { get; set; }

        public string Group { get; set; } = "";
    }

    private static Row[] Rows(int n) => Enumerable.Range(0, n).Select(i => new Row { Id = i, Group = $"g{i % 37}" }).ToArray();

    [Fact]
    public void TrainTestSplit_PartitionsRowsNearTheFraction_AndIsStableForASeed()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(Rows(10_000));

        var split = ml.Data.TrainTestSplit(data, testFraction: 0.2, seed: 7);
        int[] train = split.TrainSet.GetColumn<int>("Id").ToArray();
        int[] test = split.TestSet.GetColumn<int>("Id").ToArray();

        Assert.Equal(10_000, train.Length + test.Length);
        Assert.Empty(train.Intersect(test));
        Assert.InRange(test.Length, 1800, 2200);
        Assert.Equal(test, split.TestSet.GetColumn<int>("Id"));
        Assert.Equal(test, ml.Data.TrainTestSplit(data, 0.2, seed: 7).TestSet.GetColumn<int>("Id"));
        Assert.NotEqual(test, ml.Data.TrainTestSplit(data, 0.2, seed: 8).TestSet.GetColumn<int>("Id"));
    }

    [Fact]
    public void TrainTestSplit_SamplingKey_KeepsGroupsOnOneSide()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(Rows(1000));

        var split = ml.Data.TrainTestSplit(data, 0.3, samplingKeyColumnName: "Group", seed: 3);
        var trainGroups = split.TrainSet.GetColumn<ReadOnlyMemory<char>>("Group").Select(g => g.ToString()).ToHashSet();
        var testGroups = split.TestSet.GetColumn<ReadOnlyMemory<char>>("Group").Select(g => g.ToString()).ToHashSet();

        Assert.Empty(trainGroups.Intersect(testGroups));
        Assert.Equal(37, trainGroups.Count + testGroups.Count);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void TrainTestSplit_FractionOutsideOpenInterval_Throws(double fraction)
    {
        var ml = new MLContext(seed: 1);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ml.Data.TrainTestSplit(ml.Data.LoadFromEnumerable(Rows(3)), fraction));
        Assert.Equal("testFraction", e.ParamName);
    }

    [Fact]
    public void ShuffleRows_IsAPermutation_RepeatableForASeed()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(Rows(100));

        int[] a = ml.Data.ShuffleRows(data, seed: 5).GetColumn<int>("Id").ToArray();
        int[] b = ml.Data.ShuffleRows(data, seed: 5).GetColumn<int>("Id").ToArray();

        Assert.Equal(Enumerable.Range(0, 100), a.Order());
        Assert.NotEqual(Enumerable.Range(0, 100), a);
        Assert.Equal(a, b);
    }

    [Fact]
    public void ShuffleRows_SameContextSeed_GivesSameOrder()
    {
        int[] Order() => new MLContext(seed: 42) is var ml ? ml.Data.ShuffleRows(ml.Data.LoadFromEnumerable(Rows(50))).GetColumn<int>("Id").ToArray() : [];
        Assert.Equal(Order(), Order());
    }

    [Fact]
    public void SkipAndTake_SelectARange()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(Rows(10));

        IDataView range = ml.Data.TakeRows(ml.Data.SkipRows(data, 3), 4);

        Assert.Equal([3, 4, 5, 6], range.GetColumn<int>("Id"));
        Assert.Equal(4, range.GetRowCount());
        Assert.Empty(ml.Data.SkipRows(data, 20).GetColumn<int>("Id"));
    }

    [Fact]
    public void Cache_ReadsInputOnce_AndServesManyPasses()
    {
        var ml = new MLContext(seed: 1);
        int enumerations = 0;
        IEnumerable<Row> Source()
        {
            enumerations++;
            foreach (Row r in Rows(5))
                yield return r;
        }

        IDataView cached = ml.Data.Cache(ml.Data.LoadFromEnumerable(Source()));
        for (int i = 0; i < 3; i++)
            Assert.Equal([0, 1, 2, 3, 4], cached.GetColumn<int>("Id"));

        Assert.Equal(1, enumerations);
    }

    [Fact]
    public void Preview_ShowsFirstRowsAsPlainValues()
    {
        var ml = new MLContext(seed: 1);
        DataDebuggerPreview preview = ml.Data.LoadFromEnumerable(Rows(10)).Preview(maxRows: 3);

        Assert.Equal(3, preview.RowView.Length);
        Assert.Equal("g2", preview.ColumnView[1].Values[2]);
        Assert.Equal("Id: 0, Group: g0", preview.RowView[0].ToString());
    }
}
