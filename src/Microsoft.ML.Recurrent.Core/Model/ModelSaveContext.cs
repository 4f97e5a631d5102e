using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Microsoft.ML;

/// <summary>
/// What a component writes when a model is saved: settings as JSON (one object per component), tensors in the
/// safetensors layout, and nested transformers. The component's name and version come from its registration;
/// see docs/model-format.md and docs/component-authoring.md.
/// </summary>
public sealed partial class ModelSaveContext
{
    private readonly ComponentCatalog _catalog;
    private readonly ComponentNode _node;
    private bool _settingsWritten;

    internal ModelSaveContext(ComponentCatalog catalog, ComponentNode node)
    {
        _catalog = catalog;
        _node = node;
    }

    /// <summary>The stable name of the component being saved.</summary>
    public string ComponentName => _node.Name;

    /// <summary>
    /// Writes the settings object (System.Text.Json; enums as names). Call at most once; use a sealed class or
    /// record with the settings the loader needs.
    /// </summary>
    public void WriteSettings<TSettings>(TSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (_settingsWritten)
            throw new InvalidOperationException($"Component '{_node.Name}' wrote its settings twice.");
        _settingsWritten = true;
        _node.Settings = JsonSerializer.SerializeToNode(settings, ModelJson.Options);
    }

    /// <summary>Writes a tensor of <paramref name="shape"/> (row-major); the product of the shape must equal the data length.</summary>
    public void WriteTensor<T>(string name, ReadOnlySpan<T> data, ReadOnlySpan<int> shape)
        where T : unmanaged
    {
        CheckName(name, "tensor");
        long count = 1;
        var dims = new long[shape.Length];
        for (int i = 0; i < shape.Length; i++)
        {
            if (shape[i] < 0)
                throw new ArgumentOutOfRangeException(nameof(shape), $"Tensor '{name}': dimension {i} is {shape[i]}.");
            dims[i] = shape[i];
            count *= shape[i];
        }
        if (count != data.Length)
            throw new ArgumentException($"Tensor '{name}': shape [{string.Join(", ", dims)}] holds {count} items but the data has {data.Length}.", nameof(shape));
        if (_node.Tensors.Exists(t => t.Name == name))
            throw new InvalidOperationException($"Component '{_node.Name}' wrote tensor '{name}' twice.");
        byte[] bytes = MemoryMarshal.AsBytes(data).ToArray();
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("model.zip tensors are little-endian; big-endian machines are not supported.");
        _node.Tensors.Add(new SavedTensor(name, TensorDType.Of<T>(), dims, bytes));
    }

    /// <summary>Writes a one-dimensional tensor.</summary>
    public void WriteTensor<T>(string name, ReadOnlySpan<T> data)
        where T : unmanaged
        => WriteTensor(name, data, [data.Length]);

    /// <summary>
    /// Writes a list of strings (e.g. a vocabulary) as two tensors: <c>{name}.utf8</c> (U8, the UTF-8 bytes one
    /// after the other) and <c>{name}.offsets</c> (I64, count + 1 boundaries).
    /// </summary>
    public void WriteStrings(string name, IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        CheckName(name, "string list");
        var offsets = new long[values.Count + 1];
        using var bytes = new MemoryStream();
        for (int i = 0; i < values.Count; i++)
        {
            string value = values[i] ?? throw new ArgumentException($"String list '{name}': item {i} is null.", nameof(values));
            byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(value);
            bytes.Write(utf8);
            offsets[i + 1] = bytes.Length;
        }
        WriteTensor<byte>(name + ".utf8", bytes.ToArray());
        WriteTensor<long>(name + ".offsets", offsets);
    }

    /// <summary>Saves a nested transformer (e.g. a chain element) under <paramref name="name"/>.</summary>
    public void WriteTransformer(string name, ITransformer transformer)
    {
        ArgumentNullException.ThrowIfNull(transformer);
        CheckName(name, "nested transformer");
        if (_node.Children.Exists(c => c.Key == name))
            throw new InvalidOperationException($"Component '{_node.Name}' wrote nested transformer '{name}' twice.");
        _node.Children.Add(new(name, Capture(_catalog, transformer, $"{_node.Path}.{name}")));
    }

    internal static ComponentNode Capture(ComponentCatalog catalog, ITransformer transformer, string path)
    {
        if (path.Count(c => c == '.') > ModelLimits.MaxDepth)
            throw new InvalidOperationException($"Model nesting exceeds {ModelLimits.MaxDepth} levels at '{path}'.");
        ComponentCatalog.Registration registration = catalog.ResolveType(transformer.GetType());
        var node = new ComponentNode(path, registration.Name, registration.Version);
        transformer.Save(new ModelSaveContext(catalog, node));
        return node;
    }

    private static void CheckName(string name, string what)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 200 || !NamePattern().IsMatch(name))
            throw new ArgumentException($"{what} name '{name}' is invalid: use 1-200 characters among A-Z a-z 0-9 _ - (and '.' for tensors).", nameof(name));
        if (what == "nested transformer" && name.Contains('.'))
            throw new ArgumentException($"Nested transformer name '{name}' must not contain '.'.", nameof(name));
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex NamePattern();
}
