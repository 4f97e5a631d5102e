using Microsoft.ML;
using Microsoft.ML.Data;

[assembly: ModelComponent("Example.UpperCase", 1, typeof(Microsoft.ML.Recurrent.Core.Tests.Example.UpperCaseTransformer))]

namespace Microsoft.ML.Recurrent.Core.Tests.Example;

/// <summary>The component-authoring example: text column -> upper-cased text column (invariant culture).</summary>
public sealed class UpperCaseTransformer : OneToOneTransformerBase, ILoadableTransformer<UpperCaseTransformer>
{
    public UpperCaseTransformer(bool keepDigits, params InputOutputColumnPair[] columns)
        : base("UpperCase", columns)
    {
        KeepDigits = keepDigits;
    }

    /// <summary>When false, digits are replaced by '#'. A setting, to show persistence.</summary>
    public bool KeepDigits { get; }

    public static UpperCaseTransformer Load(ModelLoadContext context)
    {
        Settings s = context.ReadSettings<Settings>();
        if (s.Outputs.Length != s.Inputs.Length || s.Outputs.Length == 0)
            throw context.Error($"{s.Outputs.Length} outputs but {s.Inputs.Length} inputs");
        return new UpperCaseTransformer(s.KeepDigits, s.Outputs.Select((o, i) => new InputOutputColumnPair(o, s.Inputs[i])).ToArray());
    }

    protected override void SaveModel(ModelSaveContext context)
        => context.WriteSettings(new Settings
        {
            KeepDigits = KeepDigits,
            Outputs = Columns.Select(c => c.OutputColumnName).ToArray(),
            Inputs = Columns.Select(c => c.InputColumnName).ToArray(),
        });

    protected override DataViewType GetOutputType(int column, DataViewType inputType)
        => inputType is TextDataViewType ? TextDataViewType.Instance : throw SchemaMismatch(column, "String", inputType);

    protected override string DescribeAccepted(int column) => "String";

    protected override Delegate MakeGetter(DataViewRow input, int column, DataViewSchema.Column inputColumn)
    {
        ValueGetter<ReadOnlyMemory<char>> source = input.GetGetter<ReadOnlyMemory<char>>(inputColumn);
        ReadOnlyMemory<char> text = default;
        char[] buffer = [];
        return (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> value) =>
        {
            source(ref text);
            if (buffer.Length < text.Length)
                buffer = new char[text.Length];
            int n = text.Span.ToUpperInvariant(buffer);
            for (int i = 0; !KeepDigits && i < n; i++)
                buffer[i] = char.IsAsciiDigit(buffer[i]) ? '#' : buffer[i];
            // A new array per row: callers may keep the value (a reused buffer would change under them).
            value = buffer.AsSpan(0, n).ToArray();
        });
    }

    private sealed class Settings
    {
        public required bool KeepDigits { get; init; }

        public required string[] Outputs { get; init; }

        public required string[] Inputs { get; init; }
    }
}
