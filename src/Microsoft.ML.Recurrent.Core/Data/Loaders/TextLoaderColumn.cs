namespace Microsoft.ML.Data;

/// <summary>One column of a delimited text file: name, type, and the zero-based fields it reads.</summary>
internal sealed record TextLoaderColumn(string Name, DataViewType Type, int[] Fields);
