namespace Microsoft.ML.Recurrent.Tensors.Optimizers;

/// <summary>
/// Sets an optimizer's learning rate step by step (torch.optim.lr_scheduler). The rate for step 0 is set at
/// construction; call <see cref="Step"/> after each optimizer step (or epoch, as the schedule is meant).
/// </summary>
public abstract class LearningRateSchedule
{
    private protected LearningRateSchedule(Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        Optimizer = optimizer;
        BaseLearningRate = optimizer.LearningRate;
    }

    /// <summary>The optimizer whose rate is set.</summary>
    public Optimizer Optimizer { get; }

    /// <summary>The optimizer's rate when the schedule was created.</summary>
    public float BaseLearningRate { get; }

    /// <summary>Steps taken so far.</summary>
    public int StepCount { get; private set; }

    /// <summary>Advances one step and sets the new rate.</summary>
    public void Step()
    {
        StepCount++;
        Optimizer.LearningRate = RateAt(StepCount);
    }

    /// <summary>The rate at step <paramref name="step"/> (0 is the first).</summary>
    public abstract float RateAt(int step);
}
