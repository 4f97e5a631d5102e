namespace Microsoft.ML.Transforms;

/// <summary>The saved form of a list of column pairs (outputs[i] is computed from inputs[i]).</summary>
internal sealed class ColumnPairSettings
{
    public required string[] Outputs { get; init; }

    public required string[] Inputs { get; init; }

    public static ColumnPairSettings From(IReadOnlyList<InputOutputColumnPair> columns)
        => new() { Outputs = columns.Select(c => c.OutputColumnName).ToArray(), Inputs = columns.Select(c => c.InputColumnName).ToArray() };

    public InputOutputColumnPair[] ToPairs(ModelLoadContext context)
    {
        if (Outputs.Length != Inputs.Length || Outputs.Length == 0)
            throw context.Error($"settings list {Outputs.Length} output and {Inputs.Length} input columns; expected the same positive number");
        var pairs = new InputOutputColumnPair[Outputs.Length];
        for (int i = 0; i < pairs.Length; i++)
        {
            if (string.IsNullOrEmpty(Outputs[i]) || string.IsNullOrEmpty(Inputs[i]))
                throw context.Error($"column pair {i} has an empty name");
            pairs[i] = new InputOutputColumnPair(Outputs[i], Inputs[i]);
        }
        return pairs;
    }
}
