using Microsoft.ML.Recurrent.Core.Tests.Example;

namespace Microsoft.ML;

/// <summary>The catalog method users call: <c>mlContext.Transforms.Text.UpperCase("Out", "In")</c>.</summary>
public static class UpperCaseCatalog
{
    public static UpperCaseEstimator UpperCase(this TransformsCatalog.TextTransforms catalog, string outputColumnName, string? inputColumnName = null, bool keepDigits = true)
        => new(keepDigits, new InputOutputColumnPair(outputColumnName, inputColumnName));
}
