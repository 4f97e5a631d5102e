using Microsoft.ML.Data;

namespace Microsoft.ML;

/// <summary><c>Append</c> on single estimators and transformers, as in <c>mlContext.Transforms.X(...).Append(...)</c>.</summary>
public static class EstimatorExtensions
{
    /// <summary>A chain of <paramref name="start"/> then <paramref name="estimator"/>.</summary>
    public static EstimatorChain<TTrans> Append<TTrans>(this IEstimator<ITransformer> start, IEstimator<TTrans> estimator, TransformerScope scope = TransformerScope.Everything)
        where TTrans : class, ITransformer
    {
        ArgumentNullException.ThrowIfNull(start);
        if (start is EstimatorChain<ITransformer> chainStart)
            return chainStart.Append(estimator, scope);
        return new EstimatorChain<ITransformer>().Append(start).Append(estimator, scope);
    }

    /// <summary>A chain of <paramref name="start"/> then <paramref name="transformer"/>.</summary>
    public static TransformerChain<TTrans> Append<TTrans>(this ITransformer start, TTrans transformer)
        where TTrans : class, ITransformer
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(transformer);
        return new TransformerChain<TTrans>(start, transformer);
    }

    /// <summary>A chain that caches <paramref name="start"/>'s output in memory for the estimators after it.</summary>
    public static EstimatorChain<TTrans> AppendCacheCheckpoint<TTrans>(this IEstimator<TTrans> start, MLContext context)
        where TTrans : class, ITransformer
        => new EstimatorChain<ITransformer>().Append(start).AppendCacheCheckpoint(context);
}
