using Microsoft.ML;
using Microsoft.ML.Data;
using Xunit;

namespace Microsoft.ML.Recurrent.Testing;

/// <summary>
/// The conformance check every component passes (STYLE.md): schema propagation matches the real output,
/// bad input is rejected by the estimator (shape and <c>Fit</c>) and by the transformer (<c>Transform</c>) with a
/// <see cref="SchemaMismatchException"/>, and a model.zip round trip gives identical values.
/// </summary>
public static class EstimatorConformance
{
    /// <summary>
    /// Runs all checks: <paramref name="goodData"/> must be accepted, <paramref name="badData"/> (a column of the wrong
    /// type or missing) rejected. Returns the fitted and the reloaded transformer.
    /// </summary>
    public static (ITransformer Fitted, ITransformer Loaded) Check<TTransformer>(MLContext mlContext, IEstimator<TTransformer> estimator, IDataView goodData, IDataView badData)
        where TTransformer : ITransformer
    {
        (ITransformer fitted, ITransformer loaded) = ModelRoundTrip.FitSaveLoadCompare(mlContext, estimator, goodData);
        Assert.Throws<SchemaMismatchException>(() => estimator.GetOutputSchema(SchemaShape.Create(badData.Schema)));
        Assert.Throws<SchemaMismatchException>(() => estimator.Fit(badData));
        Assert.Throws<SchemaMismatchException>(() => fitted.Transform(badData));
        Assert.Throws<SchemaMismatchException>(() => loaded.Transform(badData));
        return (fitted, loaded);
    }
}
