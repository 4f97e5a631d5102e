namespace Microsoft.ML.Recurrent.Tensors.Optimizers;

/// <summary>
/// Cosine annealing (Loshchilov and Hutter 2017, torch CosineAnnealingLR without restarts):
/// lr = η_min + (base - η_min)·(1 + cos(π·t / T_max)) / 2, optionally after a linear warm-up from base/warmup to base
/// over the first <c>warmupSteps</c> (t then counts from the end of the warm-up).
/// </summary>
public sealed class CosineAnnealingSchedule : LearningRateSchedule
{
    private readonly int _tMax, _warmup;
    private readonly float _etaMin;

    /// <summary>Creates the schedule.</summary>
    /// <param name="optimizer">Optimizer to drive.</param>
    /// <param name="tMax">Steps of a half cosine period, ≥ 1.</param>
    /// <param name="etaMin">Lowest rate; default 0.</param>
    /// <param name="warmupSteps">Linear warm-up steps before the cosine; default 0.</param>
    public CosineAnnealingSchedule(Optimizer optimizer, int tMax, float etaMin = 0f, int warmupSteps = 0)
        : base(optimizer)
    {
        if (tMax < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(tMax), tMax, "tMax must be >= 1.");
        }
        if (warmupSteps < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(warmupSteps), warmupSteps, "warmupSteps must be >= 0.");
        }
        _tMax = tMax;
        _etaMin = etaMin;
        _warmup = warmupSteps;
        optimizer.LearningRate = RateAt(0);
    }

    /// <inheritdoc/>
    public override float RateAt(int step)
    {
        if (step < _warmup)
        {
            return BaseLearningRate * (step + 1) / _warmup;
        }
        int t = step - _warmup;
        return (float)(_etaMin + (BaseLearningRate - _etaMin) * (1 + Math.Cos(Math.PI * t / _tMax)) / 2);
    }
}
