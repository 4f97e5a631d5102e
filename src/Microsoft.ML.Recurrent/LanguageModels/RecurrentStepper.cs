using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace Microsoft.ML.Recurrent.LanguageModels;

/// <summary>
/// One token at a time through a <see cref="RecurrentLanguageModel"/> (batch 1, no autograd): the inference path of
/// generation, completion and row scoring. Each weight is read once per token by <see cref="RowMajorGemv"/>, which
/// for a single input vector beats a GEMM that would repack the weight on every call.
/// </summary>
/// <remarks>Holds the recurrent state of every layer; <see cref="CopyStateFrom"/> lets beam search fork it.</remarks>
internal sealed class RecurrentStepper
{
    private readonly RecurrentLanguageModel _model;
    private readonly int _E, _H, _G, _V;
    private readonly float[][] _h, _c;
    private readonly float[] _gi, _gh, _logits;

    public RecurrentStepper(RecurrentLanguageModel model)
    {
        _model = model;
        _E = model.Options.EmbeddingSize;
        _H = model.Options.HiddenSize;
        _G = model.GateCount;
        _V = model.Vocabulary.Count;
        int L = model.Layers.Length;
        _h = new float[L][];
        _c = new float[L][];
        for (int l = 0; l < L; l++)
        {
            _h[l] = new float[_H];
            _c[l] = new float[_H];
        }
        _gi = new float[_G * _H];
        _gh = new float[_G * _H];
        _logits = new float[_V];
    }

    /// <summary>The decoder output (unnormalized log-probabilities) after the last <see cref="Step"/>.</summary>
    public ReadOnlySpan<float> Logits => _logits;

    /// <summary>Zeroes the state.</summary>
    public void Reset()
    {
        for (int l = 0; l < _h.Length; l++)
        {
            Array.Clear(_h[l]);
            Array.Clear(_c[l]);
        }
    }

    /// <summary>Copies another stepper's state (same model).</summary>
    public void CopyStateFrom(RecurrentStepper other)
    {
        for (int l = 0; l < _h.Length; l++)
        {
            other._h[l].CopyTo(_h[l], 0);
            other._c[l].CopyTo(_c[l], 0);
        }
    }

    /// <summary>Copies another stepper's last logits.</summary>
    public void CopyLogitsFrom(RecurrentStepper other) => other._logits.CopyTo(_logits, 0);

    /// <summary>Feeds one token; the logits of the next token are then in <see cref="Logits"/>.</summary>
    /// <param name="token">Token id in [0, V).</param>
    /// <param name="computeLogits">False to only advance the state (prefix tokens whose prediction is not needed).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Step(int token, bool computeLogits = true)
    {
        var model = _model;
        ReadOnlySpan<float> x = model.EncoderWeight.Span.Slice(token * _E, _E);
        int gh = _G * _H;
        for (int l = 0; l < _h.Length; l++)
        {
            var (pIh, pHh, pBih, pBhh) = model.LayerWeights[l];
            ReadOnlySpan<float> wIh = pIh.Span, wHh = pHh.Span, bIh = pBih.Span, bHh = pBhh.Span;
            int inputSize = x.Length;
            RowMajorGemv.Compute(wIh, gh, inputSize, x, bIh, _gi);                    // (G·H) = W_ih x + b_ih
            RowMajorGemv.Compute(wHh, gh, _H, _h[l], bHh, _gh);                       // (G·H) = W_hh h + b_hh
            var h = _h[l].AsSpan();
            var gi = _gi.AsSpan();
            var ghs = _gh.AsSpan();
            int H = _H;
            switch (model.Options.Cell)
            {
                case RecurrentCellKind.Lstm:
                {
                    var c = _c[l].AsSpan();
                    TensorPrimitives.Add(gi, ghs, gi);
                    TensorPrimitives.Sigmoid(gi[..(2 * H)], gi[..(2 * H)]);            // i, f
                    TensorPrimitives.Tanh(gi.Slice(2 * H, H), gi.Slice(2 * H, H));      // g
                    TensorPrimitives.Sigmoid(gi.Slice(3 * H, H), gi.Slice(3 * H, H));   // o
                    TensorPrimitives.Multiply(gi.Slice(H, H), c, c);                    // c = f ⊙ c
                    TensorPrimitives.MultiplyAdd(gi[..H], gi.Slice(2 * H, H), c, c);    //   + i ⊙ g
                    TensorPrimitives.Tanh(c, h);
                    TensorPrimitives.Multiply(gi.Slice(3 * H, H), h, h);                // h = o ⊙ tanh(c)
                    break;
                }
                case RecurrentCellKind.Gru:
                {
                    // r, z = σ(gi + gh); n = tanh(gi_n + r ⊙ gh_n); h = n + z ⊙ (h − n)
                    TensorPrimitives.Add(gi[..(2 * H)], ghs[..(2 * H)], gi[..(2 * H)]);
                    TensorPrimitives.Sigmoid(gi[..(2 * H)], gi[..(2 * H)]);
                    var n = gi.Slice(2 * H, H);
                    TensorPrimitives.MultiplyAdd(gi[..H], ghs.Slice(2 * H, H), n, n);
                    TensorPrimitives.Tanh(n, n);
                    TensorPrimitives.Subtract(h, n, h);
                    TensorPrimitives.MultiplyAdd(gi.Slice(H, H), h, n, h);
                    break;
                }
                case RecurrentCellKind.RnnTanh:
                    TensorPrimitives.Add(gi, ghs, gi);
                    TensorPrimitives.Tanh(gi, h);
                    break;
                default:
                    TensorPrimitives.Add(gi, ghs, gi);
                    TensorPrimitives.Sigmoid(gi, h);
                    break;
            }
            x = h;
        }
        if (computeLogits)
        {
            RowMajorGemv.Compute(model.DecoderWeight.Span, _V, _H, x, model.DecoderBias.Span, _logits);
        }
    }
}
