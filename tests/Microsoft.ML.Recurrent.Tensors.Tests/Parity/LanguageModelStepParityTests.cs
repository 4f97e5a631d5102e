using Microsoft.ML.Recurrent.Tensors.Autograd;
using Microsoft.ML.Recurrent.Tensors.Layers;
using Microsoft.ML.Recurrent.Tensors.Optimizers;

namespace Microsoft.ML.Recurrent.Tensors.Tests.Parity;

/// <summary>embedding → 2-layer LSTM → linear → cross-entropy (ignore index, label smoothing) → clip → SGD, against torch.</summary>
public sealed class LanguageModelStepParityTests
{
    private sealed class TinyLanguageModel : Module
    {
        public TinyLanguageModel(int vocabulary, int embedding, int hidden)
        {
            Encoder = RegisterModule("encoder", new Embedding(vocabulary, embedding));
            Rnn = RegisterModule("rnn", new Lstm(embedding, hidden, numLayers: 2));
            Decoder = RegisterModule("decoder", new Linear(hidden, vocabulary));
        }

        public Embedding Encoder { get; }

        public Lstm Rnn { get; }

        public Linear Decoder { get; }
    }

    [Fact]
    public void LossGradientsClipAndStep_MatchTorch()
    {
        var f = TorchFixtures.Load("lm_step");
        int V = f["encoder.weight"].Shape[0], E = f["encoder.weight"].Shape[1], H = f["decoder.weight"].Shape[1];
        var ids = TorchFixtures.Ints(f["ids"]);
        var targets = TorchFixtures.Ints(f["targets"]);
        int T = f["ids"].Shape[0], B = f["ids"].Shape[1];
        var model = new TinyLanguageModel(V, E, H);
        var source = new Dictionary<string, Tensor>();
        foreach (var p in model.NamedParameters())
        {
            source[p.Key] = f[p.Key];
        }
        model.LoadParameters(source);

        using (var tape = Tape.Begin())
        {
            var emb = model.Encoder.Forward(ids, new Shape(T, B));                 // (T, B, E)
            var output = model.Rnn.Forward(emb).Output;                              // (T, B, H)
            var logits = model.Decoder.Forward(output.Reshape(T * B, H));            // (T·B, V)
            var loss = Functional.CrossEntropy(logits, targets, labelSmoothing: 0.1f);
            loss.Backward();
            TorchFixtures.AssertClose(f["logits"], logits, "logits");
            TorchFixtures.AssertClose(f["loss"], loss, "loss");
        }
        foreach (var p in model.NamedParameters())
        {
            TorchFixtures.AssertClose(f["grad." + p.Key], p.Value.Grad!, "grad " + p.Key);
        }
        float norm = GradientClipping.ClipByGlobalNorm(model.Parameters(), 0.5f);
        TorchFixtures.AssertClose(f["total_norm"], Tensor.Scalar(norm), "total norm");
        new Sgd(model.Parameters(), 1f).Step();
        foreach (var p in model.NamedParameters())
        {
            TorchFixtures.AssertClose(f["after." + p.Key], p.Value, "after step " + p.Key);
        }
    }
}
