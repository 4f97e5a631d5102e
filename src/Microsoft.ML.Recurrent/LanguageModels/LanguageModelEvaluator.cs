using Microsoft.ML.Recurrent.Tensors;
using Microsoft.ML.Recurrent.Tensors.Autograd;

namespace Microsoft.ML.Recurrent.LanguageModels;

/// <summary>
/// Perplexity of a token stream under a model, batched as in training (B columns, windows of T steps with the state
/// carried; every token with a target is counted, the last window may be shorter), without dropout or gradients.
/// </summary>
internal sealed class LanguageModelEvaluator : IDisposable
{
    private readonly RecurrentLanguageModel _model;
    private readonly int _T, _B;
    private readonly SoftmaxCrossEntropyHead _head;
    private readonly Tensor _embedded;
    private readonly LayerStates _states;

    public LanguageModelEvaluator(RecurrentLanguageModel model, int bptt, int batch, SoftmaxCrossEntropyHead? head = null)
    {
        _model = model;
        _T = bptt;
        _B = batch;
        _head = head ?? new SoftmaxCrossEntropyHead(model.Vocabulary.Count, model.Options.HiddenSize, bptt * batch);
        _embedded = Tensor.Zeros(bptt, batch, model.Options.EmbeddingSize);
        _states = new LayerStates(model, batch);
    }

    /// <summary>Σ −log p (nats) and the number of predicted tokens.</summary>
    /// <exception cref="ArgumentException">The stream has fewer than B + 1 tokens (no column has a target).</exception>
    public (double Nats, long Tokens) Evaluate(ReadOnlySpan<int> stream, CancellationToken cancellation = default)
    {
        var data = new BatchifiedTokens(stream, _B);
        int windows = data.AllWindows(_T);
        if (windows == 0)
        {
            throw new ArgumentException(
                $"Evaluation needs at least {2 * _B} tokens (2 per column of the evaluation batch {_B}); the stream has {stream.Length}.",
                nameof(stream));
        }
        _states.Reset();
        int E = _model.Options.EmbeddingSize;
        double nats = 0;
        long tokens = 0;
        var table = _model.EncoderWeight.Span;
        for (int w = 0; w < windows; w++)
        {
            cancellation.ThrowIfCancellationRequested();
            int steps = data.StepsOf(w, _T);
            var inputs = data.Inputs(w, _T).Span;
            var targets = data.Targets(w, _T).Span;
            var x0 = steps == _T ? _embedded : _embedded.Narrow(0, steps);                  // (steps, B, E)
            var emb = x0.Span;
            for (int i = 0; i < inputs.Length; i++)
            {
                table.Slice(inputs[i] * E, E).CopyTo(emb.Slice(i * E, E));
            }
            using (Tape.NoGrad())
            {
                var x = x0;
                for (int l = 0; l < _model.Layers.Length; l++)
                {
                    var output = _model.Layers[l].Forward(x, _states.Current[l]);          // (steps, B, H)
                    _states.Carry(l, output.State);
                    x = output.Output;
                }
                nats += _head.Loss(x.Span, _model.DecoderWeight.Span, _model.DecoderBias.Span, targets);
            }
            tokens += targets.Length;
        }
        return (nats, tokens);
    }

    public void Dispose()
    {
        _embedded.Dispose();
        _states.Dispose();
    }
}
