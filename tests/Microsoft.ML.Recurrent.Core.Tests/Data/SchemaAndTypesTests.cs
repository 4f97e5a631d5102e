using Microsoft.ML.Data;

namespace Microsoft.ML.Recurrent.Core.Tests.Data;

public sealed class SchemaAndTypesTests
{
    [Fact]
    public void Types_PrintAsMlNetDoes()
    {
        Assert.Equal("String", TextDataViewType.Instance.ToString());
        Assert.Equal("Single", NumberDataViewType.Single.ToString());
        Assert.Equal("Key<UInt32, 0-9>", new KeyDataViewType(typeof(uint), 10).ToString());
        Assert.Equal("Vector<Single, 3>", new VectorDataViewType(NumberDataViewType.Single, 3).ToString());
        Assert.Equal("Vector<Single>", new VectorDataViewType(NumberDataViewType.Single).ToString());
        Assert.Equal("Vector<Single, 2, *>", new VectorDataViewType(NumberDataViewType.Single, 2, 0).ToString());
    }

    [Fact]
    public void Types_CompareByStructure()
    {
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 3), new VectorDataViewType(NumberDataViewType.Single, 3));
        Assert.NotEqual(new VectorDataViewType(NumberDataViewType.Single, 3), new VectorDataViewType(NumberDataViewType.Single, 4));
        Assert.Equal(new KeyDataViewType(typeof(uint), 5), new KeyDataViewType(typeof(uint), 5));
        Assert.NotEqual<DataViewType>(new KeyDataViewType(typeof(uint), 5), NumberDataViewType.UInt32);
    }

    [Fact]
    public void KeyType_RejectsCountThatDoesNotFit()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new KeyDataViewType(typeof(byte), 256));
        Assert.Throws<ArgumentException>(() => new KeyDataViewType(typeof(int), 3));
    }

    [Fact]
    public void Schema_DuplicateNames_HideEarlierColumns()
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("A", NumberDataViewType.Single);
        builder.AddColumn("A", TextDataViewType.Instance);
        DataViewSchema schema = builder.ToSchema();

        Assert.True(schema[0].IsHidden);
        Assert.Equal(1, schema["A"].Index);
        Assert.Equal("2 columns", schema.ToString());
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => schema["B"]);
        Assert.Contains("Column 'B' not found", e.Message);
    }

    [Fact]
    public void VBuffer_Sparse_ReadsImplicitZeros()
    {
        var sparse = new VBuffer<float>(5, 2, [7, 9], [1, 3]);

        Assert.False(sparse.IsDense);
        Assert.Equal([0f, 7, 0, 9, 0], sparse.DenseValues());
        Assert.Equal(9f, sparse.GetItemOrDefault(3));
        Assert.Equal(0f, sparse.GetItemOrDefault(4));
        VBuffer<float> dense = default;
        sparse.CopyToDense(ref dense);
        Assert.True(dense.IsDense);
        Assert.Equal([0f, 7, 0, 9, 0], dense.GetValues().ToArray());
    }

    [Fact]
    public void VBufferEditor_ReusesLargeEnoughArrays()
    {
        var buffer = new VBuffer<int>(4, [1, 2, 3, 4]);
        int[] before = buffer.GetValues().ToArray();
        var editor = VBufferEditor.Create(ref buffer, 2);
        editor.Values[0] = 5;
        editor.Values[1] = 6;
        buffer = editor.Commit();

        Assert.Equal([5, 6], buffer.GetValues().ToArray());
        Assert.Equal(4, before.Length);
    }

    [Fact]
    public void SchemaShape_FromSchema_DescribesKindsAndKeys()
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("K", new VectorDataViewType(new KeyDataViewType(typeof(uint), 4)));
        builder.AddColumn("F", new VectorDataViewType(NumberDataViewType.Single, 3));
        SchemaShape shape = SchemaShape.Create(builder.ToSchema());

        Assert.Equal("VarVector<Key<UInt32>>", shape[0].GetTypeString());
        Assert.Equal("Vector<Single>", shape[1].GetTypeString());
        Assert.True(shape[0].IsKey);
    }
}
