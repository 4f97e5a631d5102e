namespace Microsoft.ML.Recurrent.Tensors.Optimizers;

/// <summary>
/// Decay on plateau as torch ReduceLROnPlateau (mode min, relative threshold): when the metric has not improved on
/// the best by more than threshold·best for more than <c>patience</c> steps, multiply the rate by <c>factor</c>
/// (not below <c>minLearningRate</c>), then wait <c>cooldown</c> steps. The classic PTB recipe (divide by 4 when
/// validation perplexity stalls) is factor 0.25, patience 0.
/// </summary>
public sealed class ReduceOnPlateauSchedule
{
    private readonly float _factor, _threshold, _minLearningRate;
    private readonly int _patience, _cooldown;
    private int _bad, _cooldownLeft;

    /// <summary>Creates the schedule.</summary>
    /// <param name="optimizer">Optimizer to drive.</param>
    /// <param name="factor">Multiplier in (0, 1); default 0.1.</param>
    /// <param name="patience">Non-improving steps tolerated; default 10.</param>
    /// <param name="threshold">Relative improvement that counts; default 1e-4.</param>
    /// <param name="cooldown">Steps to wait after a reduction; default 0.</param>
    /// <param name="minLearningRate">Floor of the rate; default 0.</param>
    public ReduceOnPlateauSchedule(Optimizer optimizer, float factor = 0.1f, int patience = 10, float threshold = 1e-4f,
        int cooldown = 0, float minLearningRate = 0f)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        if (!(factor > 0f && factor < 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "factor must be in (0, 1).");
        }
        if (patience < 0 || cooldown < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(patience), $"patience ({patience}) and cooldown ({cooldown}) must be >= 0.");
        }
        Optimizer = optimizer;
        _factor = factor;
        _patience = patience;
        _threshold = threshold;
        _cooldown = cooldown;
        _minLearningRate = minLearningRate;
    }

    /// <summary>The optimizer whose rate is set.</summary>
    public Optimizer Optimizer { get; }

    /// <summary>Best metric seen (starts at +∞).</summary>
    public double Best { get; private set; } = double.PositiveInfinity;

    /// <summary>Reports the metric of this step (e.g. validation loss); returns true when the rate was reduced.</summary>
    public bool Step(double metric)
    {
        if (metric < Best * (1 - _threshold))
        {
            Best = metric;
            _bad = 0;
        }
        else
        {
            _bad++;
        }
        if (_cooldownLeft > 0)
        {
            _cooldownLeft--;
            _bad = 0;
        }
        if (_bad > _patience)
        {
            _bad = 0;
            _cooldownLeft = _cooldown;
            float old = Optimizer.LearningRate;
            float next = Math.Max(old * _factor, _minLearningRate);
            if (old - next > 1e-8f)
            {
                Optimizer.LearningRate = next;
                return true;
            }
        }
        return false;
    }
}
