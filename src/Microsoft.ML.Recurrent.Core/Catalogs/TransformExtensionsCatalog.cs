using Microsoft.ML.Transforms;

namespace Microsoft.ML;

/// <summary>Column operations on <c>mlContext.Transforms</c>.</summary>
public static class TransformExtensionsCatalog
{
    /// <summary>Copies <paramref name="inputColumnName"/> to <paramref name="outputColumnName"/>.</summary>
    public static ColumnCopyingEstimator CopyColumns(this TransformsCatalog catalog, string outputColumnName, string inputColumnName)
        => new(new InputOutputColumnPair(outputColumnName, inputColumnName ?? throw new ArgumentNullException(nameof(inputColumnName))));

    /// <summary>Copies each pair's input to its output.</summary>
    public static ColumnCopyingEstimator CopyColumns(this TransformsCatalog catalog, InputOutputColumnPair[] columns)
        => new(columns);

    /// <summary>Concatenates scalar/vector columns of one item type into the vector column <paramref name="outputColumnName"/>.</summary>
    public static ColumnConcatenatingEstimator Concatenate(this TransformsCatalog catalog, string outputColumnName, params string[] inputColumnNames)
        => new(outputColumnName, inputColumnNames);

    /// <summary>Removes the named columns (hidden ones of the same names too).</summary>
    public static ColumnSelectingEstimator DropColumns(this TransformsCatalog catalog, params string[] columnNames)
        => new(null, columnNames);

    /// <summary>Keeps only the named columns, in the given order.</summary>
    public static ColumnSelectingEstimator SelectColumns(this TransformsCatalog catalog, params string[] columnNames)
        => new(columnNames, null);

    /// <summary>Keeps only the named columns, in the given order; with <paramref name="keepHidden"/> also their hidden namesakes.</summary>
    public static ColumnSelectingEstimator SelectColumns(this TransformsCatalog catalog, string[] columnNames, bool keepHidden)
        => new(columnNames, null, keepHidden);
}
