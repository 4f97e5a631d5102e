using System.Diagnostics;
using Microsoft.ML.Recurrent.Tensors;
using Microsoft.ML.Recurrent.Tensors.Autograd;
using Microsoft.ML.Recurrent.Tensors.Optimizers;

namespace Microsoft.ML.Recurrent.Translation;

/// <summary>
/// Trains a <see cref="Seq2SeqModel"/> on sentence pairs: vocabularies from the training side, length-bucketed
/// batches, teacher forcing, gradient clipping, an optimizer step per batch, and early stopping on validation loss
/// that keeps the best epoch's parameters (PyTorch word_language_model's loop, bentrevett's recipe).
/// </summary>
/// <remarks>Deterministic: the same options, pairs and seeds give bit-identical parameters (without a time limit).</remarks>
public sealed class Seq2SeqTrainer
{
    private const int ReportEvery = 10;

    /// <summary>Creates a trainer.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (named with its value).</exception>
    public Seq2SeqTrainer(Seq2SeqTrainerOptions? options = null)
    {
        Options = options ?? new Seq2SeqTrainerOptions();
        Options.Validate();
    }

    /// <summary>The training settings.</summary>
    public Seq2SeqTrainerOptions Options { get; }

    /// <summary>Builds vocabularies from <paramref name="train"/>, creates a model and trains it.</summary>
    /// <param name="modelOptions">The architecture.</param>
    /// <param name="train">Training pairs (at least one).</param>
    /// <param name="validation">Pairs for early stopping; null or empty to train every epoch and keep the last.</param>
    /// <param name="progress">Receives a report every 10 batches and at every epoch's end; may be null.</param>
    /// <param name="cancellationToken">Stops between batches (throws <see cref="OperationCanceledException"/>).</param>
    /// <exception cref="ArgumentException">No training pairs.</exception>
    public Seq2SeqModel Fit(Seq2SeqModelOptions modelOptions, IReadOnlyList<SentencePair> train,
        IReadOnlyList<SentencePair>? validation = null, IProgress<Seq2SeqTrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(modelOptions);
        ArgumentNullException.ThrowIfNull(train);
        modelOptions.Validate();
        if (train.Count == 0)
        {
            throw new ArgumentException("Seq2SeqTrainer needs at least one training pair; got none.", nameof(train));
        }
        var sourceTokenizer = new SentenceTokenizer(modelOptions.SourceTokenization, modelOptions.Lowercase);
        var targetTokenizer = new SentenceTokenizer(modelOptions.TargetTokenization, modelOptions.Lowercase);
        var sourceTokens = new List<string>[train.Count];
        var targetTokens = new List<string>[train.Count];
        int longest = 0;
        for (int i = 0; i < train.Count; i++)
        {
            sourceTokens[i] = sourceTokenizer.Tokenize(train[i].Source ?? throw new ArgumentException($"Training pair {i} has a null source.", nameof(train)));
            targetTokens[i] = targetTokenizer.Tokenize(train[i].Target ?? throw new ArgumentException($"Training pair {i} has a null target.", nameof(train)));
            longest = Math.Max(longest, sourceTokens[i].Count);
        }
        var model = new Seq2SeqModel(modelOptions,
            TokenVocabulary.Build(sourceTokens, modelOptions.MinTokenCount),
            TokenVocabulary.Build(targetTokens, modelOptions.MinTokenCount))
        {
            MaxTrainingSourceTokens = longest,
        };
        Train(model, train, validation, progress, cancellationToken);
        return model;
    }

    /// <summary>Continues training an existing model (its vocabularies are kept; unknown tokens map to &lt;unk&gt;).</summary>
    public void Train(Seq2SeqModel model, IReadOnlyList<SentencePair> train, IReadOnlyList<SentencePair>? validation = null,
        IProgress<Seq2SeqTrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        var trainData = Encode(model, train, updateLongest: true);
        var validData = validation is { Count: > 0 } ? Encode(model, validation, updateLongest: false) : null;
        var parameters = model.Network.Parameters();
        Optimizer optimizer = Options.Optimizer == Seq2SeqOptimizerKind.Adam
            ? new Adam(parameters, Options.LearningRate)
            : new Sgd(parameters, Options.LearningRate);
        var random = new Random(Options.Seed);
        var clock = Stopwatch.StartNew();
        double bestValid = double.PositiveInfinity;
        float[][]? bestParameters = null;
        int epochsWithoutGain = 0;
        bool outOfTime = false;
        for (int epoch = 1; epoch <= Options.Epochs && !outOfTime; epoch++)
        {
            var batches = MakeBatches(trainData, random);
            model.Network.Train();
            double lossSum = 0;
            long tokens = 0;
            var epochClock = Stopwatch.StartNew();
            int done = 0;
            for (int bi = 0; bi < batches.Count; bi++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var batch = batches[bi];
                int count = batch.TokenCount;
                using (var constants = new ConstantScope())
                using (var tape = Tape.Begin())
                {
                    var loss = model.Loss(batch, Options.TeacherForcingRatio, random, constants);
                    lossSum += loss.Item() * count;
                    tokens += count;
                    loss.Backward();
                    if (Options.ClipNorm is { } clip)
                    {
                        GradientClipping.ClipByGlobalNorm(parameters, clip);
                    }
                    optimizer.Step();
                    optimizer.ZeroGrad();
                }
                done = bi + 1;
                outOfTime = Options.TimeLimit is { } limit && clock.Elapsed > limit;
                if ((bi + 1) % ReportEvery == 0 && bi + 1 < batches.Count && !outOfTime)
                {
                    progress?.Report(new Seq2SeqTrainingProgress(epoch, bi + 1, batches.Count, lossSum / tokens, null,
                        clock.Elapsed, tokens / epochClock.Elapsed.TotalSeconds, false));
                }
                if (outOfTime)
                {
                    break;
                }
            }
            model.Network.Eval();
            double? validLoss = validData is null ? null : Evaluate(model, validData);
            progress?.Report(new Seq2SeqTrainingProgress(epoch, done, batches.Count, lossSum / Math.Max(1, tokens),
                validLoss, clock.Elapsed, tokens / epochClock.Elapsed.TotalSeconds, true));
            if (validLoss is { } v)
            {
                if (v < bestValid)
                {
                    bestValid = v;
                    bestParameters = Snapshot(parameters);
                    epochsWithoutGain = 0;
                }
                else if (++epochsWithoutGain >= Options.Patience)
                {
                    break;
                }
            }
        }
        if (bestParameters is not null)
        {
            for (int i = 0; i < parameters.Count; i++)
            {
                bestParameters[i].CopyTo(parameters[i].Span);
            }
        }
        model.Network.Eval();
    }

    /// <summary>Mean cross-entropy per target token of <paramref name="pairs"/> with teacher forcing, no dropout.</summary>
    public static double Evaluate(Seq2SeqModel model, IReadOnlyList<SentencePair> pairs)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(pairs);
        model.Network.Eval();
        return Evaluate(model, Encode(model, pairs, updateLongest: false));
    }

    private static double Evaluate(Seq2SeqModel model, List<(int[] Source, int[] Target)> data)
    {
        double sum = 0;
        long tokens = 0;
        var random = new Random(0);
        for (int start = 0; start < data.Count; start += 64)
        {
            var slice = data.GetRange(start, Math.Min(64, data.Count - start));
            var batch = new Seq2SeqBatch(slice.ConvertAll(p => p.Source), slice.ConvertAll(p => p.Target));
            using var constants = new ConstantScope();
            using var tape = Tape.NoGrad();
            var loss = model.Loss(batch, 1f, random, constants);
            int count = batch.TokenCount;
            sum += loss.Item() * count;
            tokens += count;
        }
        return sum / Math.Max(1, tokens);
    }

    private static List<(int[] Source, int[] Target)> Encode(Seq2SeqModel model, IReadOnlyList<SentencePair> pairs, bool updateLongest)
    {
        var data = new List<(int[], int[])>(pairs.Count);
        var unlimited = new TranslationOptions { MaxSourceTokens = int.MaxValue };
        for (int i = 0; i < pairs.Count; i++)
        {
            var (ids, _) = model.EncodeSource(pairs[i].Source ?? throw new ArgumentException($"Pair {i} has a null source.", nameof(pairs)), unlimited, i);
            if (updateLongest)
            {
                model.MaxTrainingSourceTokens = Math.Max(model.MaxTrainingSourceTokens, ids.Length - 1);
            }
            data.Add((ids, model.EncodeTarget(pairs[i].Target ?? throw new ArgumentException($"Pair {i} has a null target.", nameof(pairs)))));
        }
        return data;
    }

    /// <summary>Shuffles, sorts each bucket of <see cref="Seq2SeqTrainerOptions.BucketBatches"/> batches by source
    /// length, cuts batches and shuffles them.</summary>
    private List<Seq2SeqBatch> MakeBatches(List<(int[] Source, int[] Target)> data, Random random)
    {
        var order = new int[data.Count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        random.Shuffle(order);
        int bucket = Options.BatchSize * Options.BucketBatches;
        for (int start = 0; start < order.Length; start += bucket)
        {
            int n = Math.Min(bucket, order.Length - start);
            Array.Sort(order, start, n, Comparer<int>.Create((a, b) =>
            {
                int c = data[a].Source.Length.CompareTo(data[b].Source.Length);
                return c != 0 ? c : a.CompareTo(b);
            }));
        }
        var batches = new List<Seq2SeqBatch>();
        for (int start = 0; start < order.Length; start += Options.BatchSize)
        {
            int n = Math.Min(Options.BatchSize, order.Length - start);
            var sources = new int[n][];
            var targets = new int[n][];
            for (int i = 0; i < n; i++)
            {
                (sources[i], targets[i]) = data[order[start + i]];
            }
            batches.Add(new Seq2SeqBatch(sources, targets));
        }
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(batches));
        return batches;
    }

    private static float[][] Snapshot(IReadOnlyList<Tensor> parameters)
    {
        var copy = new float[parameters.Count][];
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = parameters[i].ToArray();
        }
        return copy;
    }
}
