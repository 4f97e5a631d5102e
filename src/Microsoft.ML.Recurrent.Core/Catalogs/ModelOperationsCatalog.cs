using System.ComponentModel;

namespace Microsoft.ML;

/// <summary><c>mlContext.Model</c>: saving and loading model.zip files, and prediction engines.</summary>
public sealed partial class ModelOperationsCatalog
{
    internal ModelOperationsCatalog(MLContext context) => Context = context;

    /// <summary>The owning context.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public MLContext Context { get; }

    /// <summary>
    /// Saves <paramref name="model"/> (null: an empty chain) and the schema of the data it was trained on
    /// (<paramref name="inputSchema"/>, may be null) into <paramref name="stream"/> in the model.zip format
    /// (docs/model-format.md). Every transformer must be registered (<see cref="Data.ModelComponentAttribute"/>).
    /// </summary>
    public void Save(ITransformer? model, DataViewSchema? inputSchema, Stream stream)
        => ModelWriter.Write(Context.ComponentCatalog, model, inputSchema, stream);

    /// <summary>Saves into the file <paramref name="filePath"/> (replaced if present).</summary>
    public void Save(ITransformer? model, DataViewSchema? inputSchema, string filePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        // Write to a buffer first so that a component failing to save does not leave a half-written file.
        using var buffer = new MemoryStream();
        Save(model, inputSchema, buffer);
        using FileStream file = File.Create(filePath);
        buffer.Position = 0;
        buffer.CopyTo(file);
    }

    /// <summary>
    /// Loads a model saved by <see cref="Save(ITransformer, DataViewSchema, Stream)"/>; <paramref name="inputSchema"/>
    /// is the saved schema (null when none was saved). Damaged files raise <see cref="InvalidDataException"/>.
    /// </summary>
    public ITransformer Load(Stream stream, out DataViewSchema? inputSchema)
        => ModelReader.Load(Context, stream, out inputSchema);

    /// <summary>Loads a model from the file <paramref name="filePath"/>.</summary>
    public ITransformer Load(string filePath, out DataViewSchema? inputSchema)
    {
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        using FileStream file = File.OpenRead(filePath);
        return Load(file, out inputSchema);
    }
}
