using Microsoft.ML.Recurrent.Tensors.Autograd;
using Microsoft.ML.Recurrent.Tensors.Layers;

namespace Microsoft.ML.Recurrent.Tensors.Tests.Layers;

public sealed class RecurrentLayerTests
{
    [Theory]
    [InlineData("lstm")]
    [InlineData("gru")]
    [InlineData("rnn-tanh")]
    public void ShortSequence_InABatch_EqualsItRunAlone(string kind)
    {
        // Packed-sequence semantics: a sequence of length 2 padded to 5 gives the same outputs and final state as the
        // 2-step sequence alone, in both directions, and zeros past its length.
        var layer = RecurrentGradientTests.Create(kind, 3, 4, 2, bidirectional: true);
        var x = Autograd.GradientCheck.Random(new Shape(5, 2, 3), 3);
        var batch = layer.Forward(x, lengths: new int[] { 5, 2 });
        var alone = Tensor.Zeros(2, 1, 3);
        for (int t = 0; t < 2; t++)
        {
            x.Span.Slice((t * 2 + 1) * 3, 3).CopyTo(alone.Span.Slice(t * 3, 3));
        }
        var single = layer.Forward(alone);
        for (int t = 0; t < 5; t++)
        {
            var row = batch.Output.Span.Slice((t * 2 + 1) * 8, 8).ToArray();
            if (t < 2)
            {
                AssertNear(single.Output.Span.Slice(t * 8, 8).ToArray(), row);
            }
            else
            {
                Assert.All(row, v => Assert.Equal(0f, v));
            }
        }
        for (int k = 0; k < 4; k++)
        {
            AssertNear(single.State.Hidden.Span.Slice(k * 4, 4).ToArray(), batch.State.Hidden.Span.Slice((k * 2 + 1) * 4, 4).ToArray());
        }
    }

    [Fact]
    public void WrongInputSize_NamesExpectedAndActualShapes()
    {
        var lstm = new Lstm(3, 4);
        var ex = Assert.Throws<ArgumentException>(() => lstm.Forward(Tensor.Zeros(5, 2, 7)));
        Assert.Contains("(5, 2, 7)", ex.Message);
        Assert.Contains("(T, B, 3)", ex.Message);
    }

    [Fact]
    public void WrongStateShape_NamesBothShapes()
    {
        var gru = new Gru(3, 4, numLayers: 2);
        var ex = Assert.Throws<ArgumentException>(() => gru.Forward(Tensor.Zeros(5, 2, 3), new RecurrentState(Tensor.Zeros(1, 2, 4))));
        Assert.Contains("(1, 2, 4)", ex.Message);
        Assert.Contains("(2, 2, 4)", ex.Message);
    }

    [Fact]
    public void LengthOutOfRange_NamesBatchRow()
    {
        var rnn = new Rnn(new RecurrentLayerOptions { InputSize = 3, HiddenSize = 4 });
        var ex = Assert.Throws<ArgumentException>(() => rnn.Forward(Tensor.Zeros(5, 2, 3), lengths: new int[] { 5, 6 }));
        Assert.Contains("batch row 1", ex.Message);
    }

    [Fact]
    public void ParameterNames_FollowTorch()
    {
        var names = new Lstm(3, 4, numLayers: 2, bidirectional: true).NamedParameters().Select(p => p.Key).ToArray();
        Assert.Equal(16, names.Length);
        Assert.Equal("weight_ih_l0", names[0]);
        Assert.Contains("weight_hh_l0_reverse", names);
        Assert.Contains("bias_hh_l1_reverse", names);
    }

    [Fact]
    public void TruncatedBptt_CarriesDetachedState_AndAllocatesAlmostNothingAfterWarmUp()
    {
        var lstm = new Lstm(8, 16, numLayers: 2, dropout: 0.2f, seed: 1);
        var x = Autograd.GradientCheck.Random(new Shape(6, 4, 8), 2);
        var state = RecurrentState.Zeros(2, 4, 16, withCell: true);
        long before = 0;
        for (int window = 0; window < 12; window++)
        {
            if (window == 4)
            {
                before = GC.GetAllocatedBytesForCurrentThread();
            }
            using var tape = Tape.Begin();
            var r = lstm.Forward(x, state);
            Functional.Mean(r.Output).Backward();
            var next = r.State.Detach();        // survives the tape, cut from the graph
            state.Dispose();
            state = next;
        }
        long perWindow = (GC.GetAllocatedBytesForCurrentThread() - before) / 8;
        Assert.False(state.Hidden.IsDisposed);
        Assert.False(state.Hidden.HasNonFinite());
        // Tensor and node objects only (a few dozen small objects); every buffer comes from the pool.
        Assert.True(perWindow < 16_000, $"{perWindow} bytes allocated per window");
    }

    private static void AssertNear(float[] expected, float[] actual)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-5f, $"[{i}] {actual[i]} vs {expected[i]}");
        }
    }
}
