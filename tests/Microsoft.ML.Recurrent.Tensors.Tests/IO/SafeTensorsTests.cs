using System.Text;
using Microsoft.ML.Recurrent.Tensors.IO;
using Microsoft.ML.Recurrent.Tensors.Layers;

namespace Microsoft.ML.Recurrent.Tensors.Tests.IO;

public sealed class SafeTensorsTests
{
    [Fact]
    public void RoundTrip_KeepsTorchNamesShapesAndValues()
    {
        var lstm = new Lstm(3, 4, numLayers: 2, bidirectional: true, seed: 3);
        using var stream = new MemoryStream();
        SafeTensorsWriter.Write(stream, lstm.NamedParameters());
        stream.Position = 0;
        var read = SafeTensorsReader.Read(stream);
        Assert.Contains("weight_hh_l1_reverse", read.Keys);
        Assert.Equal(new Shape(16, 8), read["weight_ih_l1"].Shape);
        var copy = new Lstm(3, 4, numLayers: 2, bidirectional: true, seed: 99);
        copy.LoadParameters(read);
        foreach (var (p, q) in lstm.NamedParameters().Zip(copy.NamedParameters()))
        {
            Assert.Equal(p.Value.ToArray(), q.Value.ToArray());
        }
    }

    [Fact]
    public void ReadsTheFilesPyTorchWrote()
    {
        var f = SafeTensorsReader.Read(Parity.TorchFixtures.PathOf("lstm_1layer.safetensors"));
        Assert.Equal(new Shape(16, 3), f["weight_ih_l0"].Shape);
    }

    [Theory]
    [InlineData("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,16]}}""", "outside")]
    [InlineData("""{"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}""", "needs 12")]
    [InlineData("""{"a":{"dtype":"F16","shape":[4],"data_offsets":[0,8]}}""", "F16")]
    [InlineData("""{"a":{"dtype":"F32","shape":[-1],"data_offsets":[0,8]}}""", "shape")]
    [InlineData("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[2,6]}}""", "overlap")]
    [InlineData("""{"a":{"dtype":"F32","shape":[1000000000,1000000000],"data_offsets":[0,8]}}""", "elements")]
    [InlineData("""not json""", "JSON")]
    public void DamagedHeader_IsRejectedBeforeAllocating(string header, string expected)
    {
        var ex = Assert.Throws<InvalidDataException>(() => SafeTensorsReader.Read(File(header, 8)));
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void HugeHeaderLength_IsRejected()
    {
        var bytes = new byte[16];
        BitConverter.TryWriteBytes(bytes, ulong.MaxValue);
        var ex = Assert.Throws<InvalidDataException>(() => SafeTensorsReader.Read(new MemoryStream(bytes)));
        Assert.Contains("header length", ex.Message);
    }

    private static MemoryStream File(string header, int dataBytes)
    {
        var h = Encoding.UTF8.GetBytes(header);
        var s = new MemoryStream();
        s.Write(BitConverter.GetBytes((ulong)h.Length));
        s.Write(h);
        s.Write(new byte[dataBytes]);
        s.Position = 0;
        return s;
    }
}
