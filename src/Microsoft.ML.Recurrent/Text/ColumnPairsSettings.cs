using Microsoft.ML;

namespace Microsoft.ML.Recurrent.Text;

/// <summary>Column pairs as saved in the settings of the text transformers: parallel arrays of output and input names.</summary>
internal static class ColumnPairsSettings
{
    public static string[] Outputs(IReadOnlyList<InputOutputColumnPair> columns) => columns.Select(c => c.OutputColumnName).ToArray();

    public static string[] Inputs(IReadOnlyList<InputOutputColumnPair> columns) => columns.Select(c => c.InputColumnName).ToArray();

    /// <summary>The pairs, checked: same non-zero count, no empty name.</summary>
    public static InputOutputColumnPair[] ToPairs(ModelLoadContext context, string[]? outputs, string[]? inputs)
    {
        if (outputs is null || inputs is null || outputs.Length == 0 || outputs.Length != inputs.Length)
            throw context.Error($"expected the same non-zero number of Outputs and Inputs, found {outputs?.Length ?? 0} and {inputs?.Length ?? 0}");
        var pairs = new InputOutputColumnPair[outputs.Length];
        for (int i = 0; i < pairs.Length; i++)
        {
            if (string.IsNullOrEmpty(outputs[i]) || string.IsNullOrEmpty(inputs[i]))
                throw context.Error($"column pair {i} has an empty name");
            pairs[i] = new InputOutputColumnPair(outputs[i], inputs[i]);
        }
        return pairs;
    }
}
