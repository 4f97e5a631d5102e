using Microsoft.ML.Recurrent.LanguageModels;
using Microsoft.ML.Recurrent.Tensors;
using Microsoft.ML.Recurrent.Tensors.Autograd;

namespace Microsoft.ML.Recurrent.Tests.LanguageModels;

/// <summary>
/// The fused training step (own head, surrogate loss, sparse embedding gradient) against the engine's plain autograd
/// ops (Embedding → layers → Linear → CrossEntropy), an independent oracle already checked against PyTorch.
/// </summary>
public sealed class TruncatedBpttStepTests
{
    [Theory]
    [InlineData(RecurrentCellKind.Lstm, false)]
    [InlineData(RecurrentCellKind.Gru, false)]
    [InlineData(RecurrentCellKind.RnnSigmoid, true)]
    public void LossAndGradients_MatchEngineAutograd(RecurrentCellKind cell, bool tied)
    {
        var (vocabulary, ids) = ToyCorpus.Build(3);
        var options = new RecurrentLanguageModelOptions { Cell = cell, Layers = 2, EmbeddingSize = 6, HiddenSize = tied ? 6 : 7, TieWeights = tied, Seed = 5 };
        var model = RecurrentLanguageModel.Create(vocabulary, options);
        const int T = 4, B = 3;
        var inputs = ids[..(T * B)];
        var targets = ids[1..(T * B + 1)];

        // Oracle: mean cross-entropy × T = summed over steps, averaged over the batch.
        double oracleLoss;
        var oracleGrads = new Dictionary<string, float[]>();
        foreach (var p in model.NamedParameters())
        {
            p.Value.Grad = Tensor.Zeros(p.Value.Shape);
        }
        using (Tape.Begin())
        {
            var x = Functional.Embedding(model.EncoderWeight, inputs, new Shape(T, B));
            foreach (var layer in model.Layers)
            {
                x = layer.Forward(x).Output;
            }
            var logits = Functional.Linear(x.Reshape(T * B, options.HiddenSize), model.DecoderWeight, model.DecoderBias);
            var ce = Functional.CrossEntropy(logits, targets);
            oracleLoss = ce.Item() * T * B;
            Functional.Mul(ce, Tensor.Scalar(T)).Backward();
        }
        foreach (var p in model.NamedParameters())
        {
            oracleGrads[p.Key] = p.Value.Grad!.ToArray();
            p.Value.Grad!.Fill(0f);
        }

        var head = new SoftmaxCrossEntropyHead(vocabulary.Count, options.HiddenSize, T * B);
        using var step = new TruncatedBpttStep(model, T, B, head);
        double loss = step.Run(inputs, targets, null);
        Assert.Equal(oracleLoss, loss, 3);
        var embedding = model.EncoderWeight.Grad!.ToArray();
        if (!tied)
        {
            Array.Clear(embedding);
        }
        var rows = step.EmbeddedGradient;
        for (int i = 0; i < inputs.Length; i++)
        {
            for (int e = 0; e < options.EmbeddingSize; e++)
            {
                embedding[inputs[i] * options.EmbeddingSize + e] += rows[i * options.EmbeddingSize + e];
            }
        }
        foreach (var p in model.NamedParameters())
        {
            var actual = p.Key == "encoder.weight" ? embedding : p.Value.Grad!.ToArray();
            var expected = oracleGrads[p.Key];
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-4f + 1e-3f * Math.Abs(expected[i]),
                    $"{p.Key}[{i}]: expected {expected[i]}, got {actual[i]}");
            }
        }
    }

    [Fact]
    public void State_IsCarriedAcrossWindows_AsOneLongSequence()
    {
        // Two windows of 3 steps with the state carried give the same loss as one window of 6 steps.
        var (vocabulary, ids) = ToyCorpus.Build(3);
        var model = RecurrentLanguageModel.Create(vocabulary, ToyCorpus.Tiny());
        const int B = 2;
        var data = ids[..(6 * B + B)];
        var columns = new int[7 * B];
        var head6 = new SoftmaxCrossEntropyHead(vocabulary.Count, 12, 6 * B);
        using var six = new TruncatedBpttStep(model, 6, B, head6);
        using var three = new TruncatedBpttStep(model, 3, B, head6);
        for (int i = 0; i < columns.Length; i++)
        {
            columns[i] = data[i];
        }
        double whole = six.Run(columns.AsSpan(0, 6 * B), columns.AsSpan(B, 6 * B), null);
        double first = three.Run(columns.AsSpan(0, 3 * B), columns.AsSpan(B, 3 * B), null);
        double second = three.Run(columns.AsSpan(3 * B, 3 * B), columns.AsSpan(4 * B, 3 * B), null);
        Assert.Equal(whole, first + second, 4);
    }
}
