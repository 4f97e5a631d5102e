using Microsoft.ML.Recurrent.Tensors.Autograd;
using Microsoft.ML.Recurrent.Tensors.IO;
using Microsoft.ML.Recurrent.Tensors.Layers;
using Microsoft.ML.Recurrent.Tensors.Optimizers;

namespace Microsoft.ML.Recurrent.Tensors.Tests.Layers;

public sealed class ModuleTests
{
    private sealed class Model : Module
    {
        public Model(int seed)
        {
            Encoder = RegisterModule("encoder", new Embedding(20, 6, seed));
            Rnn = RegisterModule("rnn", new Lstm(new RecurrentLayerOptions { InputSize = 6, HiddenSize = 8, NumLayers = 2, Dropout = 0.3f, Seed = seed }));
            Decoder = RegisterModule("decoder", new Linear(8, 20, seed: seed));
        }

        public Embedding Encoder { get; }

        public Lstm Rnn { get; }

        public Linear Decoder { get; }

        public Tensor Loss(int[] ids, int[] targets, int t, int b)
        {
            var h = Rnn.Forward(Encoder.Forward(ids, new Shape(t, b))).Output;     // (T, B, 8)
            return Functional.CrossEntropy(Decoder.Forward(h.Reshape(t * b, 8)), targets);
        }
    }

    private static float[] Train(int seed, int steps)
    {
        var model = new Model(seed);
        var optimizer = new Adam(model.Parameters(), 0.01f);
        var random = new Random(seed);
        var ids = Enumerable.Range(0, 15).Select(_ => random.Next(20)).ToArray();
        var targets = Enumerable.Range(0, 15).Select(_ => random.Next(20)).ToArray();
        for (int i = 0; i < steps; i++)
        {
            optimizer.ZeroGrad();
            using var tape = Tape.Begin();
            model.Loss(ids, targets, 5, 3).Backward();
            GradientClipping.ClipByGlobalNorm(model.Parameters(), 1f);
            optimizer.Step();
        }
        return model.Parameters().SelectMany(p => p.ToArray()).ToArray();
    }

    [Fact]
    public void SameSeed_GivesBitIdenticalParameters()
    {
        var a = Train(4, 6);
        var b = Train(4, 6);
        Assert.Equal(a.Length, b.Length);
        for (int i = 0; i < a.Length; i++)
        {
            Assert.Equal(BitConverter.SingleToInt32Bits(a[i]), BitConverter.SingleToInt32Bits(b[i]));
        }
        Assert.NotEqual(a, Train(5, 6));
    }

    [Fact]
    public void NamesFollowComposition()
    {
        var names = new Model(1).NamedParameters().Select(p => p.Key).ToArray();
        Assert.Equal(["encoder.weight", "rnn.weight_ih_l0"], names.Take(2));
        Assert.Equal("decoder.bias", names[^1]);
    }

    [Fact]
    public void NaNInput_IsVisibleInLossAndGradientNorm_InThatStep()
    {
        var linear = new Linear(3, 2);
        var x = Tensor.FromArray([1, float.NaN, 0], new Shape(1, 3));
        using var tape = Tape.Begin();
        var loss = Functional.CrossEntropy(linear.Forward(x), new int[] { 1 });
        Assert.True(float.IsNaN(loss.Item()));
        loss.Backward();
        Assert.True(linear.Weight.Grad!.HasNonFinite());
        Assert.False(float.IsFinite(GradientClipping.ClipByGlobalNorm(linear.Parameters(), 1f)));
    }

    [Fact]
    public void FrozenPretrainedEmbedding_GetsNoGradient()
    {
        var vectors = Tensor.FromArray([1, 2, 3, 4], new Shape(2, 2));
        var embedding = Embedding.FromPretrained(vectors);
        var linear = new Linear(2, 1);
        using var tape = Tape.Begin();
        Functional.Sum(linear.Forward(embedding.Forward(new int[] { 1, 0 }, new Shape(2)))).Backward();
        Assert.Null(embedding.Weight.Grad);
        Assert.NotNull(linear.Weight.Grad);
        Assert.Equal([3f, 4f], embedding.Weight.Span.Slice(2, 2).ToArray());
    }

    [Fact]
    public void WordVectors_Word2VecAndGloveText()
    {
        var (words, vectors) = WordVectorsReader.Read(new StringReader("2 3\nthe 0.1 0.2 0.3\ncat 1 2 3\n"));
        Assert.Equal(["the", "cat"], words);
        Assert.Equal(new Shape(2, 3), vectors.Shape);
        var (glove, _) = WordVectorsReader.Read(new StringReader("a 1 2\nb 3 4\n"));
        Assert.Equal(2, glove.Count);
        var ex = Assert.Throws<InvalidDataException>(() => WordVectorsReader.Read(new StringReader("a 1 2\nb 3\n")));
        Assert.Contains("line 2", ex.Message);
    }

    [Fact]
    public void LoadParameters_ShapeMismatch_NamesParameterAndShapes()
    {
        var linear = new Linear(3, 2);
        var ex = Assert.Throws<ArgumentException>(() => linear.LoadParameters(new Dictionary<string, Tensor>
        {
            ["weight"] = Tensor.Zeros(3, 2), ["bias"] = Tensor.Zeros(2),
        }));
        Assert.Contains("'weight'", ex.Message);
        Assert.Contains("(2, 3)", ex.Message);
        Assert.Contains("(3, 2)", ex.Message);
    }
}
