using Microsoft.ML;
using Microsoft.ML.Data;

namespace Microsoft.ML.Recurrent.Text.Stemming;

/// <summary>Saving and validating the (output, input) column pairs of the word transforms.</summary>
internal static class ColumnSettings
{
    public static string[] Outputs(IReadOnlyList<InputOutputColumnPair> columns)
    {
        var names = new string[columns.Count];
        for (int i = 0; i < names.Length; i++)
            names[i] = columns[i].OutputColumnName;
        return names;
    }

    public static string[] Inputs(IReadOnlyList<InputOutputColumnPair> columns)
    {
        var names = new string[columns.Count];
        for (int i = 0; i < names.Length; i++)
            names[i] = columns[i].InputColumnName;
        return names;
    }

    /// <summary>Rebuilds the pairs, rejecting missing, empty or mismatched column lists.</summary>
    public static InputOutputColumnPair[] ToPairs(ModelLoadContext context, string[]? outputs, string[]? inputs)
    {
        if (outputs is null || inputs is null || outputs.Length == 0 || outputs.Length != inputs.Length)
            throw context.Error($"expected as many input as output columns (at least one), found {outputs?.Length ?? 0} outputs and {inputs?.Length ?? 0} inputs");
        var pairs = new InputOutputColumnPair[outputs.Length];
        for (int i = 0; i < pairs.Length; i++)
        {
            if (string.IsNullOrEmpty(outputs[i]) || string.IsNullOrEmpty(inputs[i]))
                throw context.Error($"column pair {i} has an empty name (output '{outputs[i]}', input '{inputs[i]}')");
            pairs[i] = new InputOutputColumnPair(outputs[i], inputs[i]);
        }
        return pairs;
    }
}
