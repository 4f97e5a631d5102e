using System.ComponentModel;

namespace Microsoft.ML;

public sealed partial class TransformsCatalog
{
    /// <summary><c>mlContext.Transforms.Conversion</c>: key mappings and conversions.</summary>
    public sealed class ConversionTransforms
    {
        internal ConversionTransforms(MLContext context) => Context = context;

        /// <summary>The owning context, for extension methods (seed, log).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public MLContext Context { get; }
    }
}
