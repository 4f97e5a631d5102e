using System.Runtime.CompilerServices;

namespace Microsoft.ML.Recurrent.LanguageModels;

public sealed partial class RecurrentLanguageModel
{
    /// <summary>A stateful context that starts at the beginning of a line; feed it text and ask it for predictions.</summary>
    public GenerationContext CreateContext() => new(this);

    /// <summary>The <paramref name="k"/> most likely next tokens after <paramref name="prompt"/>, with probabilities.</summary>
    public TokenProbability[] NextTokens(string prompt, int k = 10)
    {
        var context = CreateContext();
        context.Append(prompt);
        return context.NextTokens(k);
    }

    /// <summary>
    /// Completes the partial last word of <paramref name="prompt"/> ("quick red fox ju" → "jumps"): word level, the
    /// <paramref name="k"/> most likely vocabulary words that start with it, given the words before it; character
    /// level, the <paramref name="k"/> most likely continuations up to the next white space (beam search over
    /// characters). A prompt ending in white space has no partial word: the next words are returned.
    /// </summary>
    public TokenProbability[] CompleteWord(string prompt, int k = 5)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        if (k < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, "k must be at least 1.");
        }
        var context = CreateContext();
        if (Vocabulary.Level == TokenLevel.Character)
        {
            context.Append(prompt);
            return CompleteCharacters(context, k);
        }
        int cut = prompt.Length;
        while (cut > 0 && !char.IsWhiteSpace(prompt[cut - 1]))
        {
            cut--;
        }
        string partial = prompt[cut..];
        if (Vocabulary.Level == TokenLevel.Subword && partial.Length > 0)
        {
            // A subword token carries the space before it: complete " ju" after "fox", not "ju" after "fox ".
            string before = prompt[..cut].TrimEnd();
            context.Append(before);
            string start = before.Length > 0 ? " " + partial : partial;
            var subwords = Vocabulary;
            return context.TopTokens(context.NextLogProbabilities, k,
                id => id != subwords.UnknownId && subwords[id].StartsWith(start, StringComparison.Ordinal));
        }
        context.Append(prompt[..cut]);
        if (partial.Length == 0)
        {
            return context.NextTokens(k);
        }
        var vocabulary = Vocabulary;
        return context.TopTokens(context.NextLogProbabilities, k,
            id => id != vocabulary.UnknownId && vocabulary[id].StartsWith(partial, StringComparison.Ordinal));
    }

    private static TokenProbability[] CompleteCharacters(GenerationContext context, int k)
    {
        // Beam of width k over characters; a hypothesis ends at white space (or after 24 characters).
        var vocabulary = context.Model.Vocabulary;
        var beams = new List<(GenerationContext Context, string Text, double LogP)> { (context, "", 0) };
        var done = new List<(string Text, double LogP)>();
        for (int length = 0; length < 24 && beams.Count > 0; length++)
        {
            var candidates = new List<(GenerationContext Context, string Text, double LogP, int Id)>();
            foreach (var beam in beams)
            {
                foreach (var next in beam.Context.NextTokens(k))
                {
                    candidates.Add((beam.Context, beam.Text, beam.LogP + Math.Log(next.Probability), next.Id));
                }
            }
            candidates.Sort((a, b) => b.LogP.CompareTo(a.LogP));
            beams = new List<(GenerationContext, string, double)>();
            foreach (var c in candidates)
            {
                if (beams.Count >= k)
                {
                    break;
                }
                string token = vocabulary[c.Id];
                if (token.Length == 1 && char.IsWhiteSpace(token[0]) || c.Id == vocabulary.UnknownId)
                {
                    if (c.Text.Length > 0)
                    {
                        done.Add((c.Text, c.LogP));
                    }
                    continue;
                }
                var forked = c.Context.Clone();
                forked.Append(c.Id);
                beams.Add((forked, c.Text + token, c.LogP));
            }
            if (done.Count >= k)
            {
                break;
            }
        }
        foreach (var b in beams)
        {
            done.Add((b.Text, b.LogP));
        }
        done.Sort((a, b) => b.LogP.CompareTo(a.LogP));
        var result = new TokenProbability[Math.Min(k, done.Count)];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = new TokenProbability(done[i].Text, -1, (float)Math.Exp(done[i].LogP));
        }
        return result;
    }

    /// <summary>
    /// Generates tokens after <paramref name="prompt"/>, yielding each as soon as it is produced (streaming).
    /// Word-level end of line is yielded as <c>&lt;eos&gt;</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (named).</exception>
    public IEnumerable<string> Generate(string prompt, GenerationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        options ??= new GenerationOptions();
        options.Validate();
        var context = CreateContext();
        context.Append(prompt);
        return GenerateFrom(context, options);
    }

    /// <summary>Generates from a context (which is extended with every produced token), streaming.</summary>
    public IEnumerable<string> Generate(GenerationContext context, GenerationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        options ??= new GenerationOptions();
        options.Validate();
        return GenerateFrom(context, options);
    }

    /// <summary>As <see cref="Generate(string, GenerationOptions?)"/>, as an async stream that honours cancellation
    /// between tokens.</summary>
    public async IAsyncEnumerable<string> GenerateAsync(string prompt, GenerationOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        foreach (string token in Generate(prompt, options))
        {
            cancellation.ThrowIfCancellationRequested();
            yield return token;
            await Task.Yield();
        }
    }

    private IEnumerable<string> GenerateFrom(GenerationContext context, GenerationOptions options)
    {
        var sampler = new TokenSampler(Vocabulary.Count);
        var random = new Random(options.Seed);
        int suppressed = options.SuppressUnknown ? Vocabulary.UnknownId : -1;
        for (int n = 0; n < options.MaxTokens; n++)
        {
            int id = sampler.Next(context.NextLogits, options, random, suppressed);
            context.Append(id);
            yield return Vocabulary[id];
            if (options.StopAtEndOfLine && id == Vocabulary.EndOfLineId)
            {
                yield break;
            }
        }
    }

    /// <summary>
    /// Beam search: the most likely continuation of <paramref name="prompt"/> of at most
    /// <paramref name="maxTokens"/> tokens (ending at the end-of-line token when one is reached), keeping the
    /// <paramref name="width"/> best partial hypotheses by total log-probability.
    /// </summary>
    public IReadOnlyList<string> BeamSearch(string prompt, int width = 5, int maxTokens = 20)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        if (width < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, "width must be at least 1.");
        }
        var start = CreateContext();
        start.Append(prompt);
        int prefix = start.Tokens.Count;
        var beams = new List<GenerationContext> { start };
        GenerationContext? best = null;
        for (int step = 0; step < maxTokens && beams.Count > 0; step++)
        {
            var candidates = new List<(GenerationContext Parent, int Id, double LogP)>();
            foreach (var beam in beams)
            {
                foreach (var next in beam.NextTokens(width))
                {
                    candidates.Add((beam, next.Id, beam.LogProbability + beam.NextLogProbabilities[next.Id]));
                }
            }
            candidates.Sort((a, b) => b.LogP != a.LogP ? b.LogP.CompareTo(a.LogP) : a.Id.CompareTo(b.Id));
            var nextBeams = new List<GenerationContext>();
            foreach (var c in candidates)
            {
                if (nextBeams.Count == width)
                {
                    break;
                }
                if (best is not null && c.LogP <= best.LogProbability)
                {
                    break;      // log-probabilities only fall: nothing below a finished hypothesis can beat it
                }
                var forked = c.Parent.Clone();
                forked.Append(c.Id);
                if (c.Id == Vocabulary.EndOfLineId)
                {
                    best = forked;
                }
                else
                {
                    nextBeams.Add(forked);
                }
            }
            beams = nextBeams;
        }
        if (beams.Count > 0 && (best is null || beams[0].LogProbability > best.LogProbability))
        {
            best = beams[0];
        }
        var result = new List<string>();
        for (int i = prefix; i < best!.Tokens.Count; i++)
        {
            result.Add(Vocabulary[best.Tokens[i]]);
        }
        return result;
    }

    /// <summary>
    /// Log-probability (nats) of a line of text as a whole sentence: its tokens and the end-of-line token, each
    /// given the ones before it, starting from the beginning of a line. Unknown tokens score as <c>&lt;unk&gt;</c>.
    /// </summary>
    /// <returns>Σ log p and the number of tokens scored (the end of line included).</returns>
    public (double LogProbability, int Tokens) Score(string line)
    {
        var context = CreateContext();
        context.Append(line);
        context.Append(Vocabulary.EndOfLineId);
        return (context.LogProbability, context.Tokens.Count);
    }

    /// <summary>
    /// Perplexity of a token stream, evaluated in <paramref name="batch"/> parallel columns with windows of
    /// <paramref name="bptt"/> steps and the state carried (batch 1 reads the stream as one sequence).
    /// </summary>
    /// <exception cref="ArgumentException">The stream is too short (fewer than 2 tokens per column) or holds an id
    /// outside the vocabulary (position named).</exception>
    public (double Perplexity, long Tokens) Perplexity(ReadOnlySpan<int> ids, int batch = 1, int bptt = 35, CancellationToken cancellation = default)
    {
        if (batch < 1 || bptt < 1)
        {
            throw new ArgumentOutOfRangeException(batch < 1 ? nameof(batch) : nameof(bptt), "batch and bptt must be at least 1.");
        }
        for (int i = 0; i < ids.Length; i++)
        {
            if ((uint)ids[i] >= (uint)Vocabulary.Count)
            {
                throw new ArgumentException($"Token id {ids[i]} at position {i} is outside the vocabulary [0, {Vocabulary.Count}).", nameof(ids));
            }
        }
        using var evaluator = new LanguageModelEvaluator(this, bptt, batch);
        var (nats, tokens) = evaluator.Evaluate(ids, cancellation);
        return (Math.Exp(nats / tokens), tokens);
    }
}
