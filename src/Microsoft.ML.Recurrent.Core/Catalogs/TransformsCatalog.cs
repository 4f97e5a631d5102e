using System.ComponentModel;

namespace Microsoft.ML;

/// <summary>
/// <c>mlContext.Transforms</c>: column operations (<c>CopyColumns</c>, <c>DropColumns</c>, <c>SelectColumns</c>,
/// <c>Concatenate</c>) and the <see cref="Text"/> and <see cref="Conversion"/> sub-catalogs. Components add
/// operations as extension methods on these classes, in namespace <c>Microsoft.ML</c>.
/// </summary>
public sealed partial class TransformsCatalog
{
    internal TransformsCatalog(MLContext context)
    {
        Context = context;
        Text = new TextTransforms(context);
        Conversion = new ConversionTransforms(context);
    }

    /// <summary>The owning context, for extension methods (seed, log).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public MLContext Context { get; }

    /// <summary>Text featurizers (normalize, tokenize, stop words, n-grams...).</summary>
    public TextTransforms Text { get; }

    /// <summary>Type conversions (<c>MapValueToKey</c>, <c>MapKeyToValue</c>).</summary>
    public ConversionTransforms Conversion { get; }
}
