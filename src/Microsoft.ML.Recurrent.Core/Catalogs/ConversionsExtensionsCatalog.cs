using Microsoft.ML.Transforms;

namespace Microsoft.ML;

/// <summary>Key mappings on <c>mlContext.Transforms.Conversion</c>.</summary>
public static class ConversionsExtensionsCatalog
{
    /// <summary>
    /// Maps values of <paramref name="inputColumnName"/> (default: the output name) to keys 1..Count learned from
    /// the data (or from <paramref name="keyData"/>, a one-column view); unseen and missing values (empty text, NaN)
    /// → 0 (missing). The dictionary
    /// becomes the <c>KeyValues</c> annotation (as text when <paramref name="addKeyValueAnnotationsAsText"/>).
    /// </summary>
    /// <param name="catalog">The conversion catalog.</param>
    /// <param name="outputColumnName">The key column produced.</param>
    /// <param name="inputColumnName">The column read (text, number or boolean; scalar or vector); null: <paramref name="outputColumnName"/>.</param>
    /// <param name="maximumNumberOfKeys">Most keys per column (default 1,000,000); further distinct values map to 0 with a logged warning.</param>
    /// <param name="keyOrdinality">Key order: first occurrence (default) or value.</param>
    /// <param name="addKeyValueAnnotationsAsText">Store the dictionary as text (default false).</param>
    /// <param name="keyData">Optional one-column data holding the dictionary's values.</param>
    public static ValueToKeyMappingEstimator MapValueToKey(this TransformsCatalog.ConversionTransforms catalog, string outputColumnName, string? inputColumnName = null,
        int maximumNumberOfKeys = ValueToKeyMappingEstimator.Defaults.MaximumNumberOfKeys,
        ValueToKeyMappingEstimator.KeyOrdinality keyOrdinality = ValueToKeyMappingEstimator.Defaults.Ordinality,
        bool addKeyValueAnnotationsAsText = ValueToKeyMappingEstimator.Defaults.AddKeyValueAnnotationsAsText,
        IDataView? keyData = null)
        => new(catalog.Context, [new InputOutputColumnPair(outputColumnName, inputColumnName)], maximumNumberOfKeys, keyOrdinality, addKeyValueAnnotationsAsText, keyData);

    /// <summary>MapValueToKey over several column pairs.</summary>
    public static ValueToKeyMappingEstimator MapValueToKey(this TransformsCatalog.ConversionTransforms catalog, InputOutputColumnPair[] columns,
        int maximumNumberOfKeys = ValueToKeyMappingEstimator.Defaults.MaximumNumberOfKeys,
        ValueToKeyMappingEstimator.KeyOrdinality keyOrdinality = ValueToKeyMappingEstimator.Defaults.Ordinality,
        bool addKeyValueAnnotationsAsText = ValueToKeyMappingEstimator.Defaults.AddKeyValueAnnotationsAsText,
        IDataView? keyData = null)
        => new(catalog.Context, columns, maximumNumberOfKeys, keyOrdinality, addKeyValueAnnotationsAsText, keyData);

    /// <summary>Maps keys of <paramref name="inputColumnName"/> back to values through its <c>KeyValues</c> annotation.</summary>
    public static KeyToValueMappingEstimator MapKeyToValue(this TransformsCatalog.ConversionTransforms catalog, string outputColumnName, string? inputColumnName = null)
        => new(new InputOutputColumnPair(outputColumnName, inputColumnName));

    /// <summary>MapKeyToValue over several column pairs.</summary>
    public static KeyToValueMappingEstimator MapKeyToValue(this TransformsCatalog.ConversionTransforms catalog, InputOutputColumnPair[] columns)
        => new(columns);
}
