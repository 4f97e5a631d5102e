using System.ComponentModel;

namespace Microsoft.ML;

/// <summary><c>mlContext.Data</c>: loading data from objects and files, splitting, shuffling, enumerating.</summary>
public sealed partial class DataOperationsCatalog
{
    internal DataOperationsCatalog(MLContext context) => Context = context;

    /// <summary>The owning context, for extension methods (seed, log).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public MLContext Context { get; }
}
