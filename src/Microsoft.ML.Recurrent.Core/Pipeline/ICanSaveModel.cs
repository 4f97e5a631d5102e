namespace Microsoft.ML;

/// <summary>A component that can write itself into a model.zip (see docs/model-format.md).</summary>
public interface ICanSaveModel
{
    /// <summary>Writes the component's settings and tensors into <paramref name="context"/>.</summary>
    void Save(ModelSaveContext context);
}
