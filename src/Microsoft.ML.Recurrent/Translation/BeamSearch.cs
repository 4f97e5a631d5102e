using Microsoft.ML.Recurrent.Tensors;
using Microsoft.ML.Recurrent.Tensors.Autograd;
using Microsoft.ML.Recurrent.Tensors.Layers;

namespace Microsoft.ML.Recurrent.Translation;

/// <summary>
/// Beam search over the decoder (width 1 is greedy search): keeps the k best partial translations by
/// log-probability, sets aside those that end, and ranks the ended ones by GNMT's length-normalized score.
/// </summary>
/// <remarks>
/// Each step extends every live hypothesis by every token (except padding and begin of sentence) and keeps the 2k
/// best extensions: those ending in &lt;/s&gt; are finished, the best k others live on. The search stops when k
/// hypotheses have finished, or at the length limit, where only &lt;/s&gt; may be written.
/// </remarks>
internal static class BeamSearch
{
    public static Translation Run(Seq2SeqModel model, int[] sourceIds, string[] sourceTokens, TranslationOptions options)
    {
        int k = options.BeamWidth, S = sourceIds.Length, V = model.TargetVocabulary.Count;
        int maxLength = (int)MathF.Floor(options.MaxLengthRatio * (S - 1)) + options.MaxLengthOffset;
        var encoder = model.Network.Encoder;
        var decoder = model.Network.Decoder;
        using var tape = Tape.NoGrad();
        using var constants = new ConstantScope();

        var (outputs, initial, final) = encoder.Encode(sourceIds, S, 1, [S]);                 // (S, 1, M)
        var first = new int[k];                                                                // k copies of row 0
        int M = outputs.Shape[2];
        var spread = new int[S * k];
        for (int s = 0; s < S; s++)
        {
            for (int j = 0; j < k; j++)
            {
                spread[s * k + j] = s;
            }
        }
        var outputsK = Functional.Embedding(outputs.Reshape(S, M), spread).Reshape(S, k, M);  // (S, k, M)
        var finalK = Functional.Embedding(final, first);                                      // (k, M)
        var lengths = new int[k];
        Array.Fill(lengths, S);
        var memory = decoder.Prepare(outputsK, lengths);
        var state = decoder.Select(decoder.Start(initial, 1, constants), first);

        var hyps = new Hypothesis[k];
        hyps[0] = new Hypothesis([], [], 0.0);
        var finished = new List<(Hypothesis H, double Score)>();
        var previous = new int[k];
        var logProbs = new float[V];
        var best = new Candidate[2 * k];
        for (int t = 0; t <= maxLength && finished.Count < k; t++)
        {
            for (int i = 0; i < k; i++)
            {
                previous[i] = hyps[i] is { Tokens.Count: > 0 } h ? h.Tokens[^1] : TokenVocabulary.Bos;
            }
            var (features, weights, next) = decoder.Step((int[])previous.Clone(), state, memory, finalK, constants);
            var logits = decoder.Logits(features, constants).Span;                                        // (k, V)
            int found = 0;
            for (int i = 0; i < k; i++)
            {
                if (hyps[i] is null)
                {
                    continue;
                }
                LogSoftmax(logits.Slice(i * V, V), logProbs);
                for (int v = TokenVocabulary.Eos; v < V; v++)
                {
                    if (t == maxLength && v != TokenVocabulary.Eos)
                    {
                        break;   // the length limit: only the end of sentence may be written
                    }
                    found = Insert(best, found, new Candidate(hyps[i].LogProbability + logProbs[v], i, v));
                }
            }
            var nextHyps = new Hypothesis[k];
            var parents = new int[k];
            int alive = 0;
            for (int c = 0; c < found && alive < k && finished.Count < k; c++)
            {
                var cand = best[c];
                var parent = hyps[cand.Beam];
                var row = weights is null ? null : weights.Span.Slice(cand.Beam * S, S).ToArray();
                var h = parent.Extend(cand.Token, row, cand.LogProbability);
                if (cand.Token == TokenVocabulary.Eos)
                {
                    double lp = k == 1 ? 1.0 : Math.Pow((5.0 + h.Tokens.Count) / 6.0, options.LengthPenalty);
                    finished.Add((h, h.LogProbability / lp));
                }
                else
                {
                    parents[alive] = cand.Beam;
                    nextHyps[alive++] = h;
                }
            }
            if (alive == 0)
            {
                break;
            }
            for (int i = alive; i < k; i++)
            {
                parents[i] = parents[0];   // dead slots follow a live one; they are never extended
            }
            hyps = nextHyps;
            state = decoder.Select(next, parents);
        }
        finished.Sort((a, b) => b.Score.CompareTo(a.Score));
        int n = Math.Min(options.NBest, finished.Count);
        var results = new List<Translation>(n);
        var alternatives = new List<Translation>(n);
        for (int i = 0; i < n; i++)
        {
            alternatives.Add(ToTranslation(model, finished[i].H, finished[i].Score, sourceTokens, S, alternatives));
        }
        return alternatives[0];
    }

    private static Translation ToTranslation(Seq2SeqModel model, Hypothesis h, double score, string[] sourceTokens, int S,
        IReadOnlyList<Translation> alternatives)
    {
        var words = new string[h.Tokens.Count - 1];
        for (int i = 0; i < words.Length; i++)
        {
            words[i] = model.TargetVocabulary.TokenOf(h.Tokens[i]);
        }
        var attention = h.Attention.Count == 0 || h.Attention[0] is null ? new float[0, 0] : new float[h.Attention.Count, S];
        for (int t = 0; t < attention.GetLength(0); t++)
        {
            for (int s = 0; s < S; s++)
            {
                attention[t, s] = h.Attention[t]![s];
            }
        }
        return new Translation(model.TargetTokenizer.Detokenize(words), words, sourceTokens, h.LogProbability, score, attention, alternatives);
    }

    private static void LogSoftmax(ReadOnlySpan<float> logits, Span<float> result)
    {
        float max = float.NegativeInfinity;
        foreach (float x in logits)
        {
            max = MathF.Max(max, x);
        }
        double sum = 0;
        foreach (float x in logits)
        {
            sum += Math.Exp(x - max);
        }
        float logZ = max + (float)Math.Log(sum);
        for (int i = 0; i < logits.Length; i++)
        {
            result[i] = logits[i] - logZ;
        }
    }

    /// <summary>Keeps <paramref name="best"/> sorted by log-probability (ties: earlier beam, then lower token id).</summary>
    private static int Insert(Candidate[] best, int count, Candidate c)
    {
        if (count == best.Length && !(c.LogProbability > best[count - 1].LogProbability))
        {
            return count;
        }
        int i = count == best.Length ? count - 1 : count;
        while (i > 0 && c.LogProbability > best[i - 1].LogProbability)
        {
            best[i] = best[i - 1];
            i--;
        }
        best[i] = c;
        return Math.Min(count + 1, best.Length);
    }

    private readonly record struct Candidate(double LogProbability, int Beam, int Token);

    private sealed record Hypothesis(List<int> Tokens, List<float[]?> Attention, double LogProbability)
    {
        public Hypothesis Extend(int token, float[]? weights, double logProbability) =>
            new([.. Tokens, token], [.. Attention, weights], logProbability);
    }
}
