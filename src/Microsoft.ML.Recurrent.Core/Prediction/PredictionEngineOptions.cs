namespace Microsoft.ML;

/// <summary>Options of <see cref="ModelOperationsCatalog.CreatePredictionEngine{TSrc, TDst}(ITransformer, PredictionEngineOptions)"/>.</summary>
public sealed class PredictionEngineOptions
{
    /// <summary>Skip output members that have no column (default true); false throws naming the member.</summary>
    public bool IgnoreMissingColumns { get; init; } = true;

    /// <summary>Dispose the model with the engine (default true; pools use false).</summary>
    public bool OwnsTransformer { get; init; } = true;

    /// <summary>The model's input schema (from <c>Model.Load</c>); refines key counts and vector sizes of input members. Default null.</summary>
    public DataViewSchema? InputSchema { get; init; }
}
