using System.Text.Json.Nodes;

namespace Microsoft.ML;

/// <summary>One saved component in memory: name, version, settings JSON, tensors and nested components.</summary>
internal sealed class ComponentNode
{
    public ComponentNode(string path, string name, int version)
    {
        Path = path;
        Name = name;
        Version = version;
    }

    /// <summary>Dotted position in the tree ("model", "model.0", "model.0.inner"); also names the tensor entry.</summary>
    public string Path { get; }

    public string Name { get; }

    public int Version { get; }

    public JsonNode? Settings { get; set; }

    public List<SavedTensor> Tensors { get; } = new();

    public List<KeyValuePair<string, ComponentNode>> Children { get; } = new();

    public string TensorEntryName => $"tensors/{Path}.safetensors";
}
