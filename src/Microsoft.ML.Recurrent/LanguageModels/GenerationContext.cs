using System.Numerics.Tensors;

namespace Microsoft.ML.Recurrent.LanguageModels;

/// <summary>
/// A prefix fed through a <see cref="RecurrentLanguageModel"/>, kept as the recurrent state: extending it with more
/// text costs only the new tokens (an editor asking for suggestions after every keystroke never recomputes the
/// prefix). Starts at the beginning of a line: the end-of-line token is fed first, as in the training stream.
/// </summary>
/// <remarks>Not thread-safe; create one context per thread (they share the model's parameters read-only).</remarks>
public sealed class GenerationContext
{
    private readonly RecurrentLanguageModel _model;
    private readonly RecurrentStepper _stepper;
    private readonly float[] _logProbabilities;
    private readonly List<int> _tokens = new();

    internal GenerationContext(RecurrentLanguageModel model)
    {
        _model = model;
        _stepper = new RecurrentStepper(model);
        _logProbabilities = new float[model.Vocabulary.Count];
        Reset();
    }

    /// <summary>The model.</summary>
    public RecurrentLanguageModel Model => _model;

    /// <summary>Ids fed so far (after the implicit start-of-line token).</summary>
    public IReadOnlyList<int> Tokens => _tokens;

    /// <summary>Σ log p of the tokens fed so far (nats), each given the ones before it.</summary>
    public double LogProbability { get; private set; }

    /// <summary>Log-probabilities of the next token (length V).</summary>
    public ReadOnlySpan<float> NextLogProbabilities => _logProbabilities;

    internal ReadOnlySpan<float> NextLogits => _stepper.Logits;

    /// <summary>Forgets the prefix (back to the start of a line).</summary>
    public void Reset()
    {
        _tokens.Clear();
        LogProbability = 0;
        _stepper.Reset();
        Advance(_model.Vocabulary.EndOfLineId);
    }

    /// <summary>Feeds text (tokenized at the model's level; unknown tokens become <c>&lt;unk&gt;</c>).</summary>
    public void Append(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (string token in TextTokens.OfLine(text, _model.Vocabulary.Level, _model.Vocabulary.Encoding))
        {
            Append(_model.Vocabulary.IdOf(token));
        }
    }

    /// <summary>Feeds one token id.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The id is outside the vocabulary.</exception>
    public void Append(int id)
    {
        if ((uint)id >= (uint)_model.Vocabulary.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(id), id, $"Token id must be in [0, {_model.Vocabulary.Count}).");
        }
        LogProbability += _logProbabilities[id];
        _tokens.Add(id);
        Advance(id);
    }

    /// <summary>The probability of <paramref name="id"/> as the next token.</summary>
    public float Probability(int id) => MathF.Exp(_logProbabilities[id]);

    /// <summary>The <paramref name="k"/> most likely next tokens, most likely first (ties by id).</summary>
    public TokenProbability[] NextTokens(int k)
    {
        if (k < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, "k must be at least 1.");
        }
        return TopTokens(_logProbabilities, Math.Min(k, _logProbabilities.Length), null);
    }

    /// <summary>A copy sharing nothing mutable (beam search forks contexts).</summary>
    public GenerationContext Clone()
    {
        var copy = new GenerationContext(_model, this);
        return copy;
    }

    private GenerationContext(RecurrentLanguageModel model, GenerationContext source)
    {
        _model = model;
        _stepper = new RecurrentStepper(model);
        _stepper.CopyStateFrom(source._stepper);
        _stepper.CopyLogitsFrom(source._stepper);
        _logProbabilities = (float[])source._logProbabilities.Clone();
        _tokens.AddRange(source._tokens);
        LogProbability = source.LogProbability;
    }

    private void Advance(int id)
    {
        _stepper.Step(id);
        var logits = _stepper.Logits;
        // log softmax: z − max − log Σ exp(z − max)
        float max = TensorPrimitives.Max(logits);
        var lp = _logProbabilities.AsSpan();
        TensorPrimitives.Subtract(logits, max, lp);
        TensorPrimitives.Exp(lp, lp);
        float logSum = MathF.Log(TensorPrimitives.Sum(lp));
        TensorPrimitives.Subtract(logits, max + logSum, lp);
    }

    /// <summary>Top k of log-probabilities (optionally only ids accepted by a filter), by a bounded insertion list.</summary>
    internal TokenProbability[] TopTokens(ReadOnlySpan<float> logProbabilities, int k, Func<int, bool>? accept)
    {
        var ids = new int[k];
        var values = new float[k];
        int count = 0;
        for (int i = 0; i < logProbabilities.Length; i++)
        {
            float v = logProbabilities[i];
            if (count == k && v <= values[k - 1])
            {
                continue;
            }
            if (accept is not null && !accept(i))
            {
                continue;
            }
            int j = count < k ? count++ : k - 1;
            while (j > 0 && values[j - 1] < v)
            {
                values[j] = values[j - 1];
                ids[j] = ids[j - 1];
                j--;
            }
            values[j] = v;
            ids[j] = i;
        }
        var result = new TokenProbability[count];
        for (int i = 0; i < count; i++)
        {
            result[i] = new TokenProbability(_model.Vocabulary[ids[i]], ids[i], MathF.Exp(values[i]));
        }
        return result;
    }
}
