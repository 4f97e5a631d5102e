namespace Microsoft.ML.Recurrent.Tensors.Optimizers;

/// <summary>Step decay as torch StepLR: lr = base · γ^⌊step / stepSize⌋.</summary>
public sealed class StepDecaySchedule : LearningRateSchedule
{
    private readonly int _stepSize;
    private readonly float _gamma;

    /// <summary>Creates the schedule.</summary>
    /// <param name="optimizer">Optimizer to drive.</param>
    /// <param name="stepSize">Steps between decays, ≥ 1.</param>
    /// <param name="gamma">Factor per decay; default 0.1 (as torch).</param>
    public StepDecaySchedule(Optimizer optimizer, int stepSize, float gamma = 0.1f)
        : base(optimizer)
    {
        if (stepSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(stepSize), stepSize, "stepSize must be >= 1.");
        }
        _stepSize = stepSize;
        _gamma = gamma;
    }

    /// <inheritdoc/>
    public override float RateAt(int step) => (float)(BaseLearningRate * Math.Pow(_gamma, step / _stepSize));
}
