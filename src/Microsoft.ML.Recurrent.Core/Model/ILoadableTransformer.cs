namespace Microsoft.ML;

/// <summary>
/// A transformer that can be read back from a model.zip: <see cref="Load"/> rebuilds it from the settings and
/// tensors its <see cref="ICanSaveModel.Save"/> wrote. Register it with
/// <see cref="Data.ModelComponentAttribute"/> (or <see cref="ComponentCatalog.Register{TTransformer}"/>).
/// </summary>
public interface ILoadableTransformer<TSelf>
    where TSelf : class, ITransformer, ILoadableTransformer<TSelf>
{
    /// <summary>
    /// Rebuilds the transformer. <see cref="ModelLoadContext.Version"/> is the component version the file was
    /// written with (never newer than the registered one); validate everything read and fail with
    /// <see cref="ModelLoadContext.Error"/>.
    /// </summary>
    static abstract TSelf Load(ModelLoadContext context);
}
