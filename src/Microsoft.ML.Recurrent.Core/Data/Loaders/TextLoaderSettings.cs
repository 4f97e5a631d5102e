namespace Microsoft.ML.Data;

/// <summary>How a delimited text file is split into fields (see <c>LoadFromTextFile</c>).</summary>
internal sealed record TextLoaderSettings(char Separator, bool HasHeader, bool AllowQuoting, bool TrimWhitespace);
