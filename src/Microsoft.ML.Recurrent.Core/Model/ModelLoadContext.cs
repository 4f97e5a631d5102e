using System.Text.Json;

namespace Microsoft.ML;

/// <summary>
/// What a component reads when a model is loaded: its settings, tensors and nested transformers, as written by
/// <see cref="ModelSaveContext"/>. Every read is validated; failures are <see cref="InvalidDataException"/>s
/// that name the zip entry and the component.
/// </summary>
public sealed class ModelLoadContext
{
    private readonly ModelReader _reader;
    private readonly ModelReader.NodeInfo _node;
    private SafeTensorsFile? _tensors;

    internal ModelLoadContext(ModelReader reader, ModelReader.NodeInfo node)
    {
        _reader = reader;
        _node = node;
    }

    /// <summary>The context loading the model (seed, log, catalog).</summary>
    public MLContext Context => _reader.Context;

    /// <summary>The component's stable name.</summary>
    public string ComponentName => _node.Name;

    /// <summary>The component version the file was written with (1 .. the registered version).</summary>
    public int Version => _node.Version;

    /// <summary>Where the component sits in the model, for messages (e.g. <c>model.2</c>).</summary>
    public string Path => _node.Path;

    /// <summary>Names of the nested transformers written with <see cref="ModelSaveContext.WriteTransformer"/>, in order.</summary>
    public IReadOnlyList<string> TransformerNames => _node.Children.Select(c => c.Key).ToArray();

    /// <summary>Reads the settings object written by <see cref="ModelSaveContext.WriteSettings{TSettings}"/>.</summary>
    public TSettings ReadSettings<TSettings>()
    {
        if (_node.Settings is not { } settings)
            throw Error($"has no settings; expected {typeof(TSettings).Name}");
        try
        {
            return settings.Deserialize<TSettings>(ModelJson.Options) ?? throw Error("settings are null");
        }
        catch (JsonException e)
        {
            throw Error($"settings do not match {typeof(TSettings).Name}: {e.Message}", e);
        }
    }

    /// <summary>True when a tensor named <paramref name="name"/> was saved.</summary>
    public bool HasTensor(string name) => _node.HasTensors && Tensors.Contains(name);

    /// <summary>Reads tensor <paramref name="name"/> and its shape.</summary>
    public T[] ReadTensor<T>(string name, out long[] shape)
        where T : unmanaged
        => Tensors.ReadTensor<T>(name, _node.TensorEntry, out shape);

    /// <summary>Reads tensor <paramref name="name"/>, which must have exactly <paramref name="expectedShape"/>.</summary>
    public T[] ReadTensor<T>(string name, ReadOnlySpan<long> expectedShape)
        where T : unmanaged
    {
        T[] data = ReadTensor<T>(name, out long[] shape);
        if (!shape.AsSpan().SequenceEqual(expectedShape))
            throw Error($"tensor '{name}' has shape [{string.Join(", ", shape)}], expected [{string.Join(", ", expectedShape.ToArray())}]");
        return data;
    }

    /// <summary>Reads a string list written by <see cref="ModelSaveContext.WriteStrings"/>.</summary>
    public string[] ReadStrings(string name)
    {
        byte[] utf8 = ReadTensor<byte>(name + ".utf8", out long[] byteShape);
        long[] offsets = ReadTensor<long>(name + ".offsets", out long[] offsetShape);
        if (byteShape.Length != 1 || offsetShape.Length != 1 || offsets.Length == 0 || offsets[0] != 0 || offsets[^1] != utf8.Length)
            throw Error($"string list '{name}' is damaged: offsets must start at 0 and end at the byte count {utf8.Length}");
        var result = new string[offsets.Length - 1];
        var decoder = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true);
        for (int i = 0; i < result.Length; i++)
        {
            long begin = offsets[i], end = offsets[i + 1];
            if (end < begin || end > utf8.Length)
                throw Error($"string list '{name}': item {i} spans [{begin}, {end}), outside 0..{utf8.Length}");
            try
            {
                result[i] = decoder.GetString(utf8, (int)begin, (int)(end - begin));
            }
            catch (System.Text.DecoderFallbackException e)
            {
                throw Error($"string list '{name}': item {i} is not valid UTF-8", e);
            }
        }
        return result;
    }

    /// <summary>Loads the nested transformer <paramref name="name"/>.</summary>
    public ITransformer ReadTransformer(string name)
    {
        foreach (KeyValuePair<string, ModelReader.NodeInfo> child in _node.Children)
        {
            if (child.Key == name)
                return _reader.LoadNode(child.Value);
        }
        throw Error($"has no nested transformer '{name}'. Present: {string.Join(", ", TransformerNames)}");
    }

    /// <summary>An error naming the entry and this component: throw it when a value read is invalid.</summary>
    public InvalidDataException Error(string message, Exception? inner = null)
        => new($"model.zip component '{ComponentName}' (version {Version}) at '{Path}' in entry '{ModelReader.ManifestEntry}': {message}.", inner);

    private SafeTensorsFile Tensors
    {
        get
        {
            if (!_node.HasTensors)
                throw Error("has no tensors");
            return _tensors ??= _reader.ReadTensors(_node.TensorEntry);
        }
    }
}
