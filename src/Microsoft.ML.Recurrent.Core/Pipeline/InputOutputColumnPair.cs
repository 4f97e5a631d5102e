namespace Microsoft.ML;

/// <summary>An output column computed from an input column (the input defaults to the output's name).</summary>
public sealed class InputOutputColumnPair
{
    /// <summary>Pairs <paramref name="outputColumnName"/> with <paramref name="inputColumnName"/> (null: same name).</summary>
    public InputOutputColumnPair(string outputColumnName, string? inputColumnName = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputColumnName);
        OutputColumnName = outputColumnName;
        InputColumnName = inputColumnName ?? outputColumnName;
    }

    /// <summary>The column produced.</summary>
    public string OutputColumnName { get; }

    /// <summary>The column read.</summary>
    public string InputColumnName { get; }

    /// <summary>Returns <c>"Output &lt;- Input"</c>.</summary>
    public override string ToString() => $"{OutputColumnName} <- {InputColumnName}";
}
