using System.ComponentModel;
using Microsoft.ML.Runtime;

namespace Microsoft.ML;

/// <summary>
/// The root of every pipeline: catalogs of operations (extended by extension methods from component
/// assemblies), the seed that drives all randomness, the <see cref="Log"/> event and the component catalog
/// used to load models.
/// </summary>
public sealed class MLContext
{
    private readonly Random _random;
    private readonly object _randomLock = new();

    /// <summary>Creates a context; <paramref name="seed"/> fixes all randomness (null: non-deterministic).</summary>
    public MLContext(int? seed = null)
    {
        Seed = seed;
        _random = seed is int s ? new Random(s) : new Random();
        ComponentCatalog = new ComponentCatalog();
        Data = new DataOperationsCatalog(this);
        Transforms = new TransformsCatalog(this);
        Model = new ModelOperationsCatalog(this);
    }

    /// <summary>Messages from components (training progress, warnings). Nothing is printed when no handler is attached.</summary>
    public event EventHandler<LoggingEventArgs>? Log;

    /// <summary>Loading, splitting and enumerating data.</summary>
    public DataOperationsCatalog Data { get; }

    /// <summary>Transforms: column operations, <see cref="TransformsCatalog.Text"/>, <see cref="TransformsCatalog.Conversion"/>.</summary>
    public TransformsCatalog Transforms { get; }

    /// <summary>Saving, loading and serving models.</summary>
    public ModelOperationsCatalog Model { get; }

    /// <summary>The registry of saveable components, used by <see cref="ModelOperationsCatalog.Load(string, out DataViewSchema)"/>.</summary>
    public ComponentCatalog ComponentCatalog { get; }

    /// <summary>Folder for temporary files (default: the system temp folder).</summary>
    public string TempFilePath { get; set; } = System.IO.Path.GetTempPath();

    /// <summary>The seed given at construction (null: non-deterministic).</summary>
    public int? Seed { get; }

    /// <summary>
    /// A new random generator for a component, seeded from this context's generator: with a fixed seed the
    /// sequence of generators (and so every result) repeats run after run. Thread-safe.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Advanced)]
    public Random CreateRandom()
    {
        lock (_randomLock)
            return new Random(_random.Next());
    }

    /// <summary>Sends a message to <see cref="Log"/>; components call it (source = the component's name).</summary>
    [EditorBrowsable(EditorBrowsableState.Advanced)]
    public void WriteLog(ChannelMessageKind kind, string source, string message)
        => Log?.Invoke(this, new LoggingEventArgs(message, kind, source));

    /// <summary>True when someone listens to <see cref="Log"/> (to skip formatting messages nobody reads).</summary>
    [EditorBrowsable(EditorBrowsableState.Advanced)]
    public bool IsLogging => Log is not null;
}
