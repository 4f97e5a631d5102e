namespace Microsoft.ML.Recurrent.LanguageModels;

/// <summary>Where a training run stands (checkpointed as JSON).</summary>
internal sealed class TrainerPosition
{
    public required int Epoch { get; init; }

    public required int Window { get; init; }

    public required long GlobalStep { get; init; }

    public required float PlateauScale { get; init; }

    public required double BestValidation { get; init; }

    public required int BadEpochs { get; init; }

    public required long OptimizerSteps { get; init; }

    public required bool HasBest { get; init; }

    public required double EpochNats { get; init; }

    public required long EpochTokens { get; init; }
}
