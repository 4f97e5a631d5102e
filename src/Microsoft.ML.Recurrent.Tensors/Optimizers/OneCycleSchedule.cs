namespace Microsoft.ML.Recurrent.Tensors.Optimizers;

/// <summary>
/// One-cycle policy (Smith and Topin 2019) as torch OneCycleLR with cosine annealing (two phases): warm up from
/// max/divFactor to max over the first pctStart of the steps, then anneal to max/(divFactor·finalDivFactor).
/// </summary>
public sealed class OneCycleSchedule : LearningRateSchedule
{
    private readonly float _initial, _max, _min;
    private readonly double _warmupEnd;
    private readonly int _totalSteps;

    /// <summary>Creates the schedule and sets the starting rate max/divFactor.</summary>
    /// <param name="optimizer">Optimizer to drive.</param>
    /// <param name="maxLearningRate">Peak rate.</param>
    /// <param name="totalSteps">Steps in the cycle, ≥ 2.</param>
    /// <param name="pctStart">Fraction of steps spent warming up; default 0.3.</param>
    /// <param name="divFactor">Initial rate = max / divFactor; default 25.</param>
    /// <param name="finalDivFactor">Final rate = initial / finalDivFactor; default 1e4.</param>
    public OneCycleSchedule(Optimizer optimizer, float maxLearningRate, int totalSteps, float pctStart = 0.3f,
        float divFactor = 25f, float finalDivFactor = 1e4f)
        : base(optimizer)
    {
        if (totalSteps < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(totalSteps), totalSteps, "totalSteps must be >= 2.");
        }
        if (!(pctStart > 0f && pctStart < 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(pctStart), pctStart, "pctStart must be in (0, 1).");
        }
        _max = maxLearningRate;
        _initial = maxLearningRate / divFactor;
        _min = _initial / finalDivFactor;
        _totalSteps = totalSteps;
        _warmupEnd = (double)pctStart * totalSteps - 1;
        optimizer.LearningRate = RateAt(0);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException">The step is past the cycle's end.</exception>
    public override float RateAt(int step)
    {
        if (step > _totalSteps)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, $"The one-cycle schedule has {_totalSteps} steps.");
        }
        if (step <= _warmupEnd)
        {
            return Cosine(_initial, _max, step / _warmupEnd);
        }
        return Cosine(_max, _min, (step - _warmupEnd) / (_totalSteps - 1 - _warmupEnd));
    }

    private static float Cosine(float start, float end, double pct) =>
        (float)(end + (start - end) / 2.0 * (Math.Cos(Math.PI * pct) + 1));
}
