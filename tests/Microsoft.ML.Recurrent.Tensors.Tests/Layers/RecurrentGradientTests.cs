using Microsoft.ML.Recurrent.Tensors.Layers;
using Microsoft.ML.Recurrent.Tensors.Tests.Autograd;

namespace Microsoft.ML.Recurrent.Tensors.Tests.Layers;

public sealed class RecurrentGradientTests
{
    public static TheoryData<string, int, bool, bool> Cases() => new()
    {
        { "lstm", 1, false, false },
        { "lstm", 2, true, true },
        { "gru", 1, false, false },
        { "gru", 2, true, true },
        { "rnn-tanh", 2, true, true },
        { "rnn-relu", 1, false, true },
        { "rnn-sigmoid", 2, true, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Gradients_MatchFiniteDifferences(string kind, int layers, bool bidirectional, bool withLengths)
    {
        const int T = 4, B = 3, I = 3, H = 4;
        var layer = Create(kind, I, H, layers, bidirectional);
        int d = bidirectional ? 2 : 1;
        var x = GradientCheck.Random(new Shape(T, B, I), 11);
        var h0 = GradientCheck.Random(new Shape(layers * d, B, H), 12, -0.5f, 0.5f);
        var c0 = layer.HasCell ? GradientCheck.Random(new Shape(layers * d, B, H), 13, -0.5f, 0.5f) : null;
        int[] lengths = withLengths ? [4, 2, 3] : [];
        var inputs = new List<Tensor> { x, h0 };
        if (c0 is not null)
        {
            inputs.Add(c0);
        }
        inputs.AddRange(layer.Parameters());
        GradientCheck.Check(() =>
        {
            var r = layer.Forward(x, new RecurrentState(h0, c0), lengths);
            return r.State.Cell is null
                ? [r.Output, r.State.Hidden]
                : [r.Output, r.State.Hidden, r.State.Cell];
        }, inputs.ToArray(), maxPerInput: 24);
    }

    internal static RecurrentLayer Create(string kind, int input, int hidden, int layers, bool bidirectional, int seed = 5)
    {
        var options = new RecurrentLayerOptions
        {
            InputSize = input, HiddenSize = hidden, NumLayers = layers, Bidirectional = bidirectional, Seed = seed,
            Nonlinearity = kind switch { "rnn-relu" => Activation.Relu, "rnn-sigmoid" => Activation.Sigmoid, _ => Activation.Tanh },
        };
        return kind switch
        {
            "lstm" => new Lstm(options),
            "gru" => new Gru(options),
            _ => new Rnn(options),
        };
    }
}
