using Microsoft.ML.Recurrent.Tensors.Autograd;
using Microsoft.ML.Recurrent.Tensors.Layers;

namespace Microsoft.ML.Recurrent.Tensors.Tests.Parity;

public sealed class RecurrentParityTests
{
    public static TheoryData<string, string, int, bool> Cases() => new()
    {
        { "rnn_tanh_2layer_bidir_lengths", "rnn-tanh", 2, true },
        { "rnn_relu_1layer", "rnn-relu", 1, false },
        { "lstm_1layer", "lstm", 1, false },
        { "lstm_2layer_bidir_lengths", "lstm", 2, true },
        { "gru_1layer", "gru", 1, false },
        { "gru_2layer_bidir_lengths", "gru", 2, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void OutputsAndGradients_MatchTorch(string fixture, string kind, int layers, bool bidirectional)
    {
        var f = TorchFixtures.Load(fixture);
        var x = f["input"];
        var layer = Layers.RecurrentGradientTests.Create(kind, x.Shape[2], f["h0"].Shape[2], layers, bidirectional);
        var parameters = new Dictionary<string, Tensor>();
        foreach (var p in layer.NamedParameters())
        {
            parameters[p.Key] = f[p.Key];
        }
        layer.LoadParameters(parameters);
        var h0 = f["h0"];
        var c0 = f.GetValueOrDefault("c0");
        x.RequiresGrad = h0.RequiresGrad = true;
        if (c0 is not null)
        {
            c0.RequiresGrad = true;
        }
        int[] lengths = f.TryGetValue("lengths", out var l) ? TorchFixtures.Ints(l) : [];

        using var tape = Tape.Begin();
        var r = layer.Forward(x, new RecurrentState(h0, c0), lengths);
        var loss = Functional.Add(Functional.Sum(Functional.Mul(r.Output, f["r_output"])),
                                  Functional.Sum(Functional.Mul(r.State.Hidden, f["r_h_n"])));
        if (c0 is not null)
        {
            loss = Functional.Add(loss, Functional.Sum(Functional.Mul(r.State.Cell!, f["r_c_n"])));
        }
        loss.Backward();

        TorchFixtures.AssertClose(f["output"], r.Output, "output");
        TorchFixtures.AssertClose(f["h_n"], r.State.Hidden, "h_n");
        if (c0 is not null)
        {
            TorchFixtures.AssertClose(f["c_n"], r.State.Cell!, "c_n");
            TorchFixtures.AssertClose(f["grad.c0"], c0.Grad!, "grad c0");
        }
        TorchFixtures.AssertClose(f["grad.input"], x.Grad!, "grad input");
        TorchFixtures.AssertClose(f["grad.h0"], h0.Grad!, "grad h0");
        foreach (var p in layer.NamedParameters())
        {
            TorchFixtures.AssertClose(f["grad." + p.Key], p.Value.Grad!, "grad " + p.Key);
        }
    }
}
