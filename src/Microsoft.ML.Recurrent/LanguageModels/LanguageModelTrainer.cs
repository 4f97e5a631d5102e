using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.Recurrent.Tensors;
using Microsoft.ML.Recurrent.Tensors.Threading;
using Microsoft.ML.Runtime;

namespace Microsoft.ML.Recurrent.LanguageModels;

/// <summary>
/// Trains a <see cref="RecurrentLanguageModel"/> by truncated back-propagation through time, as TensorFlow's
/// ptb_word_lm and PyTorch's word_language_model: the token stream is cut into B columns, read in windows of T
/// steps with the recurrent state carried (detached) from window to window; the loss of a window is summed over
/// its T steps and averaged over the batch; gradients are clipped, the rate follows an epoch schedule, validation
/// runs after each epoch (best parameters kept, early stopping), checkpoints are written at an interval and a run
/// resumes from one.
/// </summary>
public sealed class LanguageModelTrainer
{
    private readonly LanguageModelTrainerOptions _options;
    private readonly MLContext? _context;

    /// <summary>Creates a trainer.</summary>
    /// <param name="options">The recipe; null for <see cref="LanguageModelTrainerOptions.PtbSmall"/>.</param>
    /// <param name="context">Where progress lines go (<see cref="MLContext.Log"/>); null for none.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (named).</exception>
    public LanguageModelTrainer(LanguageModelTrainerOptions? options = null, MLContext? context = null)
    {
        _options = options ?? LanguageModelTrainerOptions.PtbSmall;
        _options.Validate();
        _context = context;
    }

    /// <summary>The recipe.</summary>
    public LanguageModelTrainerOptions Options => _options;

    /// <summary>Trains <paramref name="model"/> in place.</summary>
    /// <param name="model">The model (its parameters are updated).</param>
    /// <param name="training">Training token ids.</param>
    /// <param name="validation">Validation token ids, or null.</param>
    /// <param name="progress">Receives a report every <see cref="LanguageModelTrainerOptions.ProgressEverySteps"/>
    /// steps and at the end of each epoch.</param>
    /// <param name="cancellation">Stops between steps (a checkpoint is not written on cancellation; the last one stays).</param>
    /// <exception cref="ArgumentException">The training stream is too short for one window, or an id is outside the
    /// vocabulary (position named).</exception>
    /// <exception cref="TrainingDivergedException">The loss or gradient became NaN or infinite.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public LanguageModelTrainingResult Train(RecurrentLanguageModel model, ReadOnlySpan<int> training,
        ReadOnlySpan<int> validation = default, IProgress<LanguageModelTrainingProgress>? progress = null,
        CancellationToken cancellation = default) =>
        Run(model, training, validation, progress, cancellation, resume: null);

    /// <summary>Continues a run from a checkpoint (see <see cref="LanguageModelCheckpoint"/>) with the same data and
    /// options; the result equals that of an uninterrupted run. The model is <see cref="LanguageModelCheckpoint.Model"/>.</summary>
    public LanguageModelTrainingResult Resume(LanguageModelCheckpoint checkpoint, ReadOnlySpan<int> training,
        ReadOnlySpan<int> validation = default, IProgress<LanguageModelTrainingProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return Run(checkpoint.Model, training, validation, progress, cancellation, checkpoint);
    }

    private LanguageModelTrainingResult Run(RecurrentLanguageModel model, ReadOnlySpan<int> training,
        ReadOnlySpan<int> validation, IProgress<LanguageModelTrainingProgress>? progress,
        CancellationToken cancellation, LanguageModelCheckpoint? resume)
    {
        ArgumentNullException.ThrowIfNull(model);
        var o = _options;
        int V = model.Vocabulary.Count;
        CheckIds(training, V, "training");
        CheckIds(validation, V, "validation");
        if (o.MaxTokens > 0 && training.Length > o.MaxTokens)
        {
            training = training[..(int)o.MaxTokens];
        }
        var data = new BatchifiedTokens(training, o.BatchSize);
        int windows = data.FullWindows(o.BpttLength);
        if (windows == 0)
        {
            throw new ArgumentException(
                $"The training stream has {training.Length} tokens; batch {o.BatchSize} × (BPTT {o.BpttLength} + 1) = " +
                $"{o.BatchSize * (o.BpttLength + 1)} are needed for one window. Use more text, or lower --batch / --bptt.",
                nameof(training));
        }
        bool hasValidation = !validation.IsEmpty;
        if (hasValidation && validation.Length < 2 * o.EvaluationBatchSize)
        {
            throw new ArgumentException(
                $"The validation stream has {validation.Length} tokens; at least {2 * o.EvaluationBatchSize} are needed (evaluation batch {o.EvaluationBatchSize}).",
                nameof(validation));
        }
        if (o.Threads > Environment.ProcessorCount)
        {
            throw new ArgumentOutOfRangeException(nameof(o.Threads), o.Threads, $"Threads must be at most the {Environment.ProcessorCount} processors of this machine.");
        }
        int previousThreads = WorkerPool.Shared.MaxDegreeOfParallelism;
        WorkerPool.Shared.MaxDegreeOfParallelism = o.Threads == 0 ? Environment.ProcessorCount : o.Threads;
        try
        {
            using var session = new TrainingSession(model, o);
            return session.Run(data, windows, validation, hasValidation, progress, cancellation, resume, Log);
        }
        finally
        {
            WorkerPool.Shared.MaxDegreeOfParallelism = previousThreads;
        }
    }

    private void Log(string message) => _context?.WriteLog(ChannelMessageKind.Info, "LstmLanguageModel", message);

    private static void CheckIds(ReadOnlySpan<int> ids, int vocabulary, string what)
    {
        for (int i = 0; i < ids.Length; i++)
        {
            if ((uint)ids[i] >= (uint)vocabulary)
            {
                throw new ArgumentException($"The {what} stream has id {ids[i]} at position {i}, outside the vocabulary [0, {vocabulary}).", what);
            }
        }
    }

    internal static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>The buffers and counters of one run.</summary>
    private sealed class TrainingSession : IDisposable
    {
        private readonly RecurrentLanguageModel _model;
        private readonly LanguageModelTrainerOptions _o;
        private readonly SoftmaxCrossEntropyHead _head;
        private readonly TruncatedBpttStep _step;
        private readonly LanguageModelEvaluator? _evaluator;
        private readonly SparseEmbeddingGradient? _sparse;
        private readonly List<Tensor> _layerParameters = new();
        private readonly List<KeyValuePair<string, Tensor>> _dense = new();
        private readonly LanguageModelOptimizer _optimizer;
        private readonly bool _denseEmbedding;
        private Dictionary<string, Tensor>? _best;

        public TrainingSession(RecurrentLanguageModel model, LanguageModelTrainerOptions o)
        {
            _model = model;
            _o = o;
            int V = model.Vocabulary.Count, H = model.Options.HiddenSize, E = model.Options.EmbeddingSize;
            int rows = o.BpttLength * Math.Max(o.BatchSize, o.EvaluationBatchSize);
            _head = new SoftmaxCrossEntropyHead(V, H, rows);
            _step = new TruncatedBpttStep(model, o.BpttLength, o.BatchSize, _head);
            _evaluator = new LanguageModelEvaluator(model, o.BpttLength, o.EvaluationBatchSize, _head);
            // SGD touches only the embedding rows of the window; Adam (which decays every row's moments) and tied
            // weights (whose decoder gradient is dense) need the dense table gradient.
            _denseEmbedding = model.Options.TieWeights || o.Optimizer == LanguageModelOptimizerKind.Adam;
            foreach (var p in model.NamedParameters())
            {
                p.Value.Grad ??= Tensor.Zeros(p.Value.Shape);
                bool isEncoder = ReferenceEquals(p.Value, model.EncoderWeight);
                if (!isEncoder || _denseEmbedding)
                {
                    _dense.Add(p);
                }
                if (p.Key.StartsWith("rnn.", StringComparison.Ordinal))
                {
                    _layerParameters.Add(p.Value);
                }
            }
            if (!_denseEmbedding)
            {
                _sparse = new SparseEmbeddingGradient(V, E, o.BpttLength * o.BatchSize);
            }
            _optimizer = LanguageModelOptimizer.Create(o.Optimizer, _dense);
        }

        public LanguageModelTrainingResult Run(BatchifiedTokens data, int windows, ReadOnlySpan<int> validation,
            bool hasValidation, IProgress<LanguageModelTrainingProgress>? progress, CancellationToken cancellation,
            LanguageModelCheckpoint? resume, Action<string> log)
        {
            var o = _o;
            int T = o.BpttLength, B = o.BatchSize;
            int epoch = 1, startWindow = 0, badEpochs = 0;
            long globalStep = 0;
            float plateauScale = 1f;
            double best = double.PositiveInfinity, epochNats = 0;
            long epochTokens = 0;
            if (resume is not null)
            {
                var p = resume.Position;
                epoch = p.Epoch;
                startWindow = p.Window;
                globalStep = p.GlobalStep;
                plateauScale = p.PlateauScale;
                best = p.BestValidation;
                badEpochs = p.BadEpochs;
                epochNats = p.EpochNats;
                epochTokens = p.EpochTokens;
                if (startWindow > windows)
                {
                    throw new ArgumentException($"The checkpoint is at window {startWindow} of epoch {epoch}, but this training stream has {windows} windows per epoch: resume with the same data and options.");
                }
                _optimizer.LoadState(resume.Tensors, resume.Folder);
                _optimizer.StepCount = p.OptimizerSteps;
                LoadNamed(_step.State.Named("state:"), resume.Tensors, resume.Folder);
                if (p.HasBest)
                {
                    _best = new Dictionary<string, Tensor>(StringComparer.Ordinal);
                    foreach (var q in _model.NamedParameters())
                    {
                        var t = Tensor.Zeros(q.Value.Shape);
                        _best[q.Key] = t;
                    }
                    LoadNamed(Prefixed(_best, "best:"), resume.Tensors, resume.Folder);
                }
                log($"resuming at epoch {epoch}, window {startWindow} of {windows} (step {globalStep})");
            }

            var total = Stopwatch.StartNew();
            var interval = Stopwatch.StartNew();
            double trainSeconds = 0, lastPerplexity = double.NaN;
            long runTokens = 0, intervalTokens = 0;
            double intervalNats = 0;
            double? lastValidation = hasValidation && !double.IsInfinity(best) ? Math.Exp(best) : null;
            bool stoppedEarly = false;
            int epochsDone = epoch - 1;
            var lastCheckpoint = resume is null ? "none yet" : $"'{resume.Folder}' (epoch {resume.Epoch}, window {resume.Window})";

            for (; epoch <= o.Epochs; epoch++)
            {
                float lr = o.ScheduledRate(epoch) * plateauScale;
                if (startWindow == 0)
                {
                    _step.State.Reset();
                    epochNats = 0;
                    epochTokens = 0;
                }
                var stepWatch = Stopwatch.StartNew();
                for (int w = startWindow; w < windows; w++)
                {
                    cancellation.ThrowIfCancellationRequested();
                    var inputs = data.Inputs(w, T).Span;
                    var targets = data.Targets(w, T).Span;
                    foreach (var p in _layerParameters)
                    {
                        p.Grad!.Span.Clear();
                    }
                    var random = NeedsRandom ? DropoutMask.ForStep(o.Seed, globalStep) : null;
                    double nats = _step.Run(inputs, targets, random);
                    float coefficient = GradientCoefficient(inputs, out double norm);
                    if (!double.IsFinite(nats) || !double.IsFinite(norm))
                    {
                        throw new TrainingDivergedException(
                            $"Training diverged: the {(double.IsFinite(nats) ? "gradient norm" : "loss")} is {(double.IsFinite(nats) ? norm : nats)} " +
                            $"at epoch {epoch}, window {w} (step {globalStep}, learning rate {Format(lr)}). The parameters are those before this step " +
                            $"(not updated); the last good checkpoint is {lastCheckpoint}. Lower the learning rate or clip the gradient norm.");
                    }
                    _optimizer.Step(lr, coefficient, _sparse, _denseEmbedding ? null : _model.EncoderWeight);
                    globalStep++;
                    epochNats += nats;
                    epochTokens += targets.Length;
                    intervalNats += nats;
                    intervalTokens += targets.Length;
                    runTokens += targets.Length;
                    bool last = w + 1 == windows;
                    if ((w + 1) % o.ProgressEverySteps == 0 && !last)
                    {
                        double seconds = interval.Elapsed.TotalSeconds;
                        double loss = intervalNats / intervalTokens;
                        double speed = intervalTokens / Math.Max(seconds, 1e-9);
                        long left = (long)(windows - w - 1 + (long)(o.Epochs - epoch) * windows) * T * B;
                        var report = new LanguageModelTrainingProgress(epoch, o.Epochs, w + 1, windows, loss, Math.Exp(loss),
                            speed, lr, total.Elapsed, TimeSpan.FromSeconds(left / Math.Max(speed, 1e-9)), null);
                        progress?.Report(report);
                        log($"epoch {epoch}/{o.Epochs} step {w + 1}/{windows} loss {Format(loss)} ppl {Format(Math.Exp(loss))} " +
                            $"{Format(speed)} tokens/s lr {Format(lr)} eta {report.Remaining:hh\\:mm\\:ss}");
                        intervalNats = 0;
                        intervalTokens = 0;
                        interval.Restart();
                    }
                    if (o.CheckpointFolder is not null && o.CheckpointEverySteps > 0 && (w + 1) % o.CheckpointEverySteps == 0 && !last)
                    {
                        trainSeconds += stepWatch.Elapsed.TotalSeconds;
                        Checkpoint(epoch, w + 1, globalStep, plateauScale, best, badEpochs, epochNats, epochTokens);
                        lastCheckpoint = $"'{o.CheckpointFolder}' (epoch {epoch}, window {w + 1})";
                        stepWatch.Restart();
                    }
                }
                trainSeconds += stepWatch.Elapsed.TotalSeconds;
                startWindow = 0;
                epochsDone = epoch;
                lastPerplexity = Math.Exp(epochNats / Math.Max(1, epochTokens));
                double? validPerplexity = null;
                if (hasValidation)
                {
                    var (vn, vt) = _evaluator!.Evaluate(validation, cancellation);
                    double validLoss = vn / vt;
                    validPerplexity = Math.Exp(validLoss);
                    if (validLoss < best)
                    {
                        best = validLoss;
                        badEpochs = 0;
                        if (o.RestoreBest)
                        {
                            SaveBest();
                        }
                    }
                    else
                    {
                        badEpochs++;
                        if (o.PlateauDivisor > 0f)
                        {
                            plateauScale /= o.PlateauDivisor;
                        }
                    }
                    lastValidation = validPerplexity;
                }
                {
                    double speed = runTokens / Math.Max(trainSeconds, 1e-9);
                    var report = new LanguageModelTrainingProgress(epoch, o.Epochs, windows, windows,
                        Math.Log(lastPerplexity), lastPerplexity, speed, lr, total.Elapsed,
                        TimeSpan.FromSeconds((double)(o.Epochs - epoch) * windows * T * B / Math.Max(speed, 1e-9)), validPerplexity);
                    progress?.Report(report);
                    log($"epoch {epoch}/{o.Epochs} done: train ppl {Format(lastPerplexity)}" +
                        (validPerplexity is { } vp ? $", valid ppl {Format(vp)}" : "") + $", {Format(speed)} tokens/s, lr {Format(lr)}");
                }
                bool stop = hasValidation && o.EarlyStoppingPatience > 0 && badEpochs >= o.EarlyStoppingPatience;
                if (o.CheckpointFolder is not null)
                {
                    Checkpoint(epoch + 1, 0, globalStep, plateauScale, best, badEpochs, 0, 0);
                    lastCheckpoint = $"'{o.CheckpointFolder}' (end of epoch {epoch})";
                }
                interval.Restart();
                intervalNats = 0;
                intervalTokens = 0;
                if (stop)
                {
                    log($"early stopping: validation perplexity did not improve for {badEpochs} epochs");
                    stoppedEarly = true;
                    break;
                }
            }
            if (hasValidation && o.RestoreBest && _best is not null)
            {
                _model.LoadParameters(_best);
                lastValidation = Math.Exp(best);
            }
            return new LanguageModelTrainingResult(epochsDone, runTokens, trainSeconds,
                runTokens / Math.Max(trainSeconds, 1e-9), lastPerplexity, lastValidation, stoppedEarly);
        }

        private bool NeedsRandom => _model.Options.EmbeddingDropout > 0f || _model.Options.LayerDropout > 0f || _model.Options.OutputDropout > 0f;

        /// <summary>Folds the embedding gradient in, applies value clipping, and returns the norm-clipping coefficient.</summary>
        private float GradientCoefficient(ReadOnlySpan<int> inputs, out double norm)
        {
            var embGrad = _step.EmbeddedGradient;
            if (_denseEmbedding)
            {
                var dense = _model.EncoderWeight.Grad!.Span;
                if (!_model.Options.TieWeights)
                {
                    dense.Clear();    // tied: the decoder's dW was just written there and the rows add to it
                }
                int E = _model.Options.EmbeddingSize;
                for (int i = 0; i < inputs.Length; i++)
                {
                    var row = dense.Slice(inputs[i] * E, E);
                    System.Numerics.Tensors.TensorPrimitives.Add(row, embGrad.Slice(i * E, E), row);
                }
            }
            else
            {
                _sparse!.Set(inputs, embGrad);
            }
            double squares = _sparse?.SumOfSquares() ?? 0;
            foreach (var p in _dense)
            {
                var s = p.Value.Grad!.Span;
                for (int i = 0; i < s.Length; i += 4096)
                {
                    squares += System.Numerics.Tensors.TensorPrimitives.SumOfSquares(s.Slice(i, Math.Min(4096, s.Length - i)));
                }
            }
            norm = Math.Sqrt(squares);
            float coefficient = 1f;
            if (_o.ClipNorm > 0f && double.IsFinite(norm))
            {
                // torch clip_grad_norm_: scale by maxNorm / (norm + 1e-6) when that is below 1.
                coefficient = (float)Math.Min(1.0, _o.ClipNorm / (norm + 1e-6));
            }
            if (_o.ClipValue > 0f)
            {
                foreach (var p in _dense)
                {
                    var s = p.Value.Grad!.Span;
                    if (coefficient != 1f)
                    {
                        System.Numerics.Tensors.TensorPrimitives.Multiply(s, coefficient, s);
                    }
                    System.Numerics.Tensors.TensorPrimitives.Min(s, _o.ClipValue, s);
                    System.Numerics.Tensors.TensorPrimitives.Max(s, -_o.ClipValue, s);
                }
                if (_sparse is not null)
                {
                    if (coefficient != 1f)
                    {
                        _sparse.Scale(coefficient);
                    }
                    _sparse.Clamp(_o.ClipValue);
                }
                coefficient = 1f;
            }
            return coefficient;
        }

        private void SaveBest()
        {
            _best ??= new Dictionary<string, Tensor>(StringComparer.Ordinal);
            foreach (var p in _model.NamedParameters())
            {
                if (!_best.TryGetValue(p.Key, out var copy))
                {
                    copy = Tensor.Zeros(p.Value.Shape);
                    _best[p.Key] = copy;
                }
                copy.CopyFrom(p.Value);
            }
        }

        private void Checkpoint(int epoch, int window, long globalStep, float plateauScale, double best, int badEpochs,
            double epochNats, long epochTokens)
        {
            var position = new TrainerPosition
            {
                Epoch = epoch, Window = window, GlobalStep = globalStep, PlateauScale = plateauScale,
                BestValidation = best, BadEpochs = badEpochs, OptimizerSteps = _optimizer.StepCount,
                HasBest = _best is not null, EpochNats = epochNats, EpochTokens = epochTokens,
            };
            var extra = new List<KeyValuePair<string, Tensor>>();
            extra.AddRange(_step.State.Named("state:"));
            foreach (var s in _optimizer.State())
            {
                extra.Add(s);
            }
            if (_best is not null)
            {
                extra.AddRange(Prefixed(_best, "best:"));
            }
            LanguageModelCheckpoint.Save(_o.CheckpointFolder!, _model, position, extra);
        }

        private static IEnumerable<KeyValuePair<string, Tensor>> Prefixed(Dictionary<string, Tensor> tensors, string prefix)
        {
            foreach (var t in tensors)
            {
                yield return new(prefix + t.Key, t.Value);
            }
        }

        private static void LoadNamed(IEnumerable<KeyValuePair<string, Tensor>> targets, Dictionary<string, Tensor> source, string folder)
        {
            foreach (var t in targets)
            {
                if (!source.TryGetValue(t.Key, out var s) || s.Shape != t.Value.Shape)
                {
                    throw new InvalidDataException($"Checkpoint in '{folder}': tensor '{t.Key}' {t.Value.Shape} is missing or has another shape; resume with the same options.");
                }
                t.Value.CopyFrom(s);
            }
        }

        public void Dispose()
        {
            _step.Dispose();
            _evaluator?.Dispose();
        }
    }
}
