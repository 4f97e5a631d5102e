using System.Numerics.Tensors;
using Tensor = Microsoft.ML.Recurrent.Tensors.Tensor;
using Microsoft.ML.Recurrent.Tensors;
using Microsoft.ML.Recurrent.Tensors.Autograd;
using Microsoft.ML.Recurrent.Tensors.Layers;

namespace Microsoft.ML.Recurrent.LanguageModels;

/// <summary>
/// Forward and backward of one truncated-BPTT window (T, B) of a <see cref="RecurrentLanguageModel"/>, with every
/// buffer allocated once: embedding gather → recurrent layers (the engine's fused nodes on a tape) → the fused
/// decoder/softmax/cross-entropy head. The state is carried from window to window and never back-propagated
/// into (PyTorch's <c>repackage_hidden</c>).
/// </summary>
/// <remarks>
/// The head is not an autograd op: its input gradient dX enters the tape as the constant G of a surrogate loss
/// Σ(Y ⊙ G), whose gradient with respect to the last layer's output Y is exactly G.
/// The embedding lookup is not an autograd op either: the gathered rows are a leaf whose gradient is summed per
/// distinct id (<see cref="SparseEmbeddingGradient"/>).
/// </remarks>
internal sealed class TruncatedBpttStep : IDisposable
{
    private readonly RecurrentLanguageModel _model;
    private readonly int _T, _B, _E, _H;
    private readonly Tensor _embedded;         // (T, B, E) leaf
    private readonly Tensor _outputGradient;   // (T, B, H) constant G of the surrogate loss
    private readonly float[] _headInput;       // (T·B, H)
    private readonly float[] _headInputGradient;
    private readonly float[]? _embeddingMask, _outputMask;
    private readonly SoftmaxCrossEntropyHead _head;
    private readonly RecurrentOutput[] _outputs;

    public TruncatedBpttStep(RecurrentLanguageModel model, int bptt, int batch, SoftmaxCrossEntropyHead head)
    {
        _model = model;
        _T = bptt;
        _B = batch;
        _E = model.Options.EmbeddingSize;
        _H = model.Options.HiddenSize;
        _head = head;
        foreach (var p in model.NamedParameters())
        {
            p.Value.Grad ??= Tensor.Zeros(p.Value.Shape);
        }
        _embedded = Tensor.Zeros(_T, _B, _E);
        _embedded.RequiresGrad = true;
        _embedded.Grad = Tensor.Zeros(_T, _B, _E);
        _outputGradient = Tensor.Zeros(_T, _B, _H);
        _headInput = new float[_T * _B * _H];
        _headInputGradient = new float[_T * _B * _H];
        if (model.Options.EmbeddingDropout > 0f)
        {
            _embeddingMask = new float[_T * _B * _E];
        }
        if (model.Options.OutputDropout > 0f)
        {
            _outputMask = new float[_T * _B * _H];
        }
        _outputs = new RecurrentOutput[model.Layers.Length];
        State = new LayerStates(model, batch);
    }

    /// <summary>The carried state.</summary>
    public LayerStates State { get; }

    /// <summary>
    /// Runs the window and leaves the gradients in the parameters' <see cref="Tensor.Grad"/> (recurrent layers:
    /// accumulated, so zero them first; decoder: overwritten) and the embedding rows' gradient in
    /// <see cref="EmbeddedGradient"/>. Returns Σ −log p over the T·B targets.
    /// </summary>
    public double Run(ReadOnlySpan<int> inputs, ReadOnlySpan<int> targets, Random? dropout)
    {
        var model = _model;
        var options = model.Options;
        int rows = _T * _B;
        // (T, B, E) ← encoder.weight[inputs]
        var emb = _embedded.Span;
        var table = model.EncoderWeight.Span;
        for (int i = 0; i < rows; i++)
        {
            table.Slice(inputs[i] * _E, _E).CopyTo(emb.Slice(i * _E, _E));
        }
        if (_embeddingMask is not null)
        {
            DropoutMask.Fill(_embeddingMask, options.EmbeddingDropout, dropout!);
            TensorPrimitives.Multiply(emb, _embeddingMask, emb);
        }
        _embedded.Grad!.Span.Clear();

        double loss;
        using (Tape.Begin())
        {
            var x = _embedded;
            var outputs = _outputs;
            for (int l = 0; l < model.Layers.Length; l++)
            {
                if (l > 0 && options.LayerDropout > 0f)
                {
                    x = Functional.Dropout(x, options.LayerDropout, dropout!);               // (T, B, H)
                }
                outputs[l] = model.Layers[l].Forward(x, State.Current[l]);                  // (T, B, H)
                x = outputs[l].Output;
            }
            var y = x.Span;                                                                 // (T·B, H)
            var headInput = _headInput.AsSpan();
            if (_outputMask is not null)
            {
                DropoutMask.Fill(_outputMask, options.OutputDropout, dropout!);
                TensorPrimitives.Multiply(y, _outputMask, headInput);
            }
            else
            {
                y.CopyTo(headInput);
            }
            // Loss summed over the T steps and averaged over the batch: each row's −log p weighs 1/B.
            loss = _head.ForwardBackward(headInput, model.DecoderWeight.Span, model.DecoderBias.Span, targets, 1f / _B,
                _headInputGradient, model.DecoderWeight.Grad!.Span, model.DecoderBias.Grad!.Span, accumulateWeightGradient: false);
            var g = _outputGradient.Span;
            if (_outputMask is not null)
            {
                TensorPrimitives.Multiply(_headInputGradient, _outputMask, g);
            }
            else
            {
                _headInputGradient.AsSpan().CopyTo(g);
            }
            Functional.Sum(Functional.Mul(x, _outputGradient)).Backward();
            for (int l = 0; l < model.Layers.Length; l++)
            {
                State.Carry(l, outputs[l].State);
            }
        }
        if (_embeddingMask is not null)
        {
            var dEmb = _embedded.Grad!.Span;
            TensorPrimitives.Multiply(dEmb, _embeddingMask, dEmb);
        }
        return loss;
    }

    /// <summary>The gradient of the gathered embedding rows, (T·B, E), in input order.</summary>
    public ReadOnlySpan<float> EmbeddedGradient => _embedded.Grad!.Span;

    public void Dispose()
    {
        _embedded.Grad?.Dispose();
        _embedded.Dispose();
        _outputGradient.Dispose();
        State.Dispose();
    }
}
