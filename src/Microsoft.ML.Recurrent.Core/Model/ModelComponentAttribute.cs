namespace Microsoft.ML.Data;

/// <summary>
/// Registers a saveable transformer under a stable component name and version, for model.zip loading:
/// <c>[assembly: ModelComponent("Text.NormalizeText", 1, typeof(TextNormalizingTransformer))]</c>.
/// A model file holds only the name; loading finds the registration in assemblies loaded in the process
/// (or registered with <see cref="ComponentCatalog.RegisterAssembly"/>) and never creates a type named by the file.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class ModelComponentAttribute : Attribute
{
    /// <summary>Registers <paramref name="transformerType"/> (which implements <see cref="ILoadableTransformer{TSelf}"/>).</summary>
    /// <param name="name">Stable name written into model files; never change it once released.</param>
    /// <param name="version">Current version, from 1; raise it when the saved settings or tensors change meaning.</param>
    /// <param name="transformerType">The transformer class (an open generic definition is allowed, e.g. a chain).</param>
    public ModelComponentAttribute(string name, int version, Type transformerType)
    {
        Name = name;
        Version = version;
        TransformerType = transformerType;
    }

    /// <summary>The stable component name.</summary>
    public string Name { get; }

    /// <summary>The version written by this build.</summary>
    public int Version { get; }

    /// <summary>The registered transformer class.</summary>
    public Type TransformerType { get; }
}
