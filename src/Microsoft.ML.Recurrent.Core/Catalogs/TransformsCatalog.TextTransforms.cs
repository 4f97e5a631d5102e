using System.ComponentModel;

namespace Microsoft.ML;

public sealed partial class TransformsCatalog
{
    /// <summary><c>mlContext.Transforms.Text</c>: extended by text components' extension methods.</summary>
    public sealed class TextTransforms
    {
        internal TextTransforms(MLContext context) => Context = context;

        /// <summary>The owning context, for extension methods (seed, log).</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public MLContext Context { get; }
    }
}
