using Microsoft.ML;
using Microsoft.ML.Data;
using Xunit;

namespace Microsoft.ML.Recurrent.Testing;

/// <summary>
/// One-line model.zip checks for any component:
/// <c>ModelRoundTrip.FitSaveLoadCompare(ml, estimator, data)</c> fits, saves to model.zip (in memory), loads it
/// back in a fresh <see cref="MLContext"/>, and asserts that both transformers give identical outputs on
/// the data (schema and every value, floats by bits) and that the input schema comes back.
/// </summary>
public static class ModelRoundTrip
{
    /// <summary>Fits <paramref name="estimator"/> on <paramref name="data"/>, round-trips it and compares; returns both transformers.</summary>
    public static (ITransformer Fitted, ITransformer Loaded) FitSaveLoadCompare<TTransformer>(MLContext mlContext, IEstimator<TTransformer> estimator, IDataView data)
        where TTransformer : ITransformer
    {
        ITransformer fitted = estimator.Fit(data);
        ITransformer loaded = SaveLoadCompare(mlContext, fitted, data);
        // The estimator's promised schema must describe what the transformer really produces.
        SchemaShape promised = estimator.GetOutputSchema(SchemaShape.Create(data.Schema));
        SchemaShape real = SchemaShape.Create(fitted.GetOutputSchema(data.Schema));
        foreach (SchemaShape.Column column in promised)
        {
            Assert.True(real.TryFindColumn(column.Name, out SchemaShape.Column actual), $"The estimator promises column '{column.Name}' but the transformer does not produce it.");
            Assert.True(column.GetTypeString() == actual.GetTypeString(), $"Column '{column.Name}': the estimator promises {column.GetTypeString()}, the transformer produces {actual.GetTypeString()}.");
        }
        return (fitted, loaded);
    }

    /// <summary>Saves <paramref name="model"/> to model.zip bytes, loads them in a fresh context and compares outputs on <paramref name="data"/>.</summary>
    public static ITransformer SaveLoadCompare(MLContext mlContext, ITransformer model, IDataView data)
    {
        byte[] bytes = Save(mlContext, model, data.Schema);
        var fresh = new MLContext(seed: 1);
        ITransformer loaded = fresh.Model.Load(new MemoryStream(bytes), out DataViewSchema? schema);
        Assert.NotNull(schema);
        Assert.Equal(data.Schema.Count(c => !c.IsHidden), schema!.Count);
        DataViewAssert.Equal(model.Transform(data), loaded.Transform(data));
        // Saving the loaded model again must give the same bytes: nothing is lost or reinterpreted.
        Assert.True(bytes.AsSpan().SequenceEqual(Save(fresh, loaded, data.Schema)), "Saving the loaded model gives different bytes from the original model.zip.");
        return loaded;
    }

    /// <summary>The model.zip bytes of <paramref name="model"/>.</summary>
    public static byte[] Save(MLContext mlContext, ITransformer model, DataViewSchema? inputSchema)
    {
        using var stream = new MemoryStream();
        mlContext.Model.Save(model, inputSchema, stream);
        return stream.ToArray();
    }
}
