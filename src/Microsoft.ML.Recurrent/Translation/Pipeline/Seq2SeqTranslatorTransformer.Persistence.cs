using Microsoft.ML;

namespace Microsoft.ML.Recurrent.Translation.Pipeline;

public sealed partial class Seq2SeqTranslatorTransformer
{
    // Sizes a file may claim before anything is allocated: far above any sensible translation model.
    private const int MaxSize = 1 << 16;
    private const int MaxLayers = 64;
    private const int MaxVocabulary = 10_000_000;

    /// <inheritdoc/>
    protected override void SaveModel(ModelSaveContext context)
    {
        var m = Model.Options;
        var t = Translation;
        context.WriteSettings(new Settings
        {
            Source = ColumnNames.Source, Target = ColumnNames.Target, Output = ColumnNames.Output, Score = ColumnNames.Score,
            NBest = ColumnNames.NBest, NBestScores = ColumnNames.NBestScores, Attention = ColumnNames.Attention,
            Cell = m.Cell.ToString(), Layers = m.Layers, Bidirectional = m.Bidirectional, EmbeddingSize = m.EmbeddingSize,
            HiddenSize = m.HiddenSize, AttentionSize = m.AttentionSize, AttentionKind = m.Attention.ToString(), Dropout = m.Dropout,
            SourceTokenization = m.SourceTokenization.ToString(), TargetTokenization = m.TargetTokenization.ToString(),
            Lowercase = m.Lowercase, MinTokenCount = m.MinTokenCount, Seed = m.Seed,
            MaxTrainingSourceTokens = Model.MaxTrainingSourceTokens,
            BeamWidth = t.BeamWidth, LengthPenalty = t.LengthPenalty, MaxLengthRatio = t.MaxLengthRatio,
            MaxLengthOffset = t.MaxLengthOffset, NBestCount = t.NBest, MaxSourceTokens = t.MaxSourceTokens,
        });
        context.WriteStrings("source_vocabulary", Model.SourceVocabulary.Tokens);
        context.WriteStrings("target_vocabulary", Model.TargetVocabulary.Tokens);
        foreach (var (name, tensor) in Model.NamedParameters())
        {
            var dims = new int[tensor.Shape.Rank];
            for (int i = 0; i < dims.Length; i++)
            {
                dims[i] = tensor.Shape[i];
            }
            context.WriteTensor<float>(name, tensor.Span, dims);
        }
    }

    /// <summary>Reads a translator written by <see cref="SaveModel"/>; every setting and shape is checked first.</summary>
    /// <exception cref="System.IO.InvalidDataException">A setting is out of range, a vocabulary is damaged, or a tensor
    /// is missing or has the wrong shape (the entry and the field are named).</exception>
    public static Seq2SeqTranslatorTransformer Load(ModelLoadContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var s = context.ReadSettings<Settings>();
        Seq2SeqModelOptions options;
        TranslationOptions translation;
        try
        {
            Check(context, s.Layers, 1, MaxLayers, nameof(s.Layers));
            Check(context, s.EmbeddingSize, 1, MaxSize, nameof(s.EmbeddingSize));
            Check(context, s.HiddenSize, 1, MaxSize, nameof(s.HiddenSize));
            Check(context, s.AttentionSize, 0, MaxSize, nameof(s.AttentionSize));
            options = new Seq2SeqModelOptions
            {
                Cell = ParseEnum<RecurrentCellKind>(context, s.Cell, nameof(s.Cell)), Layers = s.Layers, Bidirectional = s.Bidirectional,
                EmbeddingSize = s.EmbeddingSize, HiddenSize = s.HiddenSize, AttentionSize = s.AttentionSize,
                Attention = ParseEnum<AttentionKind>(context, s.AttentionKind, nameof(s.AttentionKind)), Dropout = s.Dropout,
                SourceTokenization = ParseEnum<TokenizationKind>(context, s.SourceTokenization, nameof(s.SourceTokenization)),
                TargetTokenization = ParseEnum<TokenizationKind>(context, s.TargetTokenization, nameof(s.TargetTokenization)),
                Lowercase = s.Lowercase, MinTokenCount = s.MinTokenCount, Seed = s.Seed,
            };
            options.Validate();
            translation = new TranslationOptions
            {
                BeamWidth = s.BeamWidth, LengthPenalty = s.LengthPenalty, MaxLengthRatio = s.MaxLengthRatio,
                MaxLengthOffset = s.MaxLengthOffset, NBest = s.NBestCount, MaxSourceTokens = s.MaxSourceTokens,
            };
            translation.Validate();
        }
        catch (ArgumentException e)
        {
            throw context.Error($"invalid settings: {e.Message}", e);
        }
        Check(context, s.MaxTrainingSourceTokens, 0, int.MaxValue, nameof(s.MaxTrainingSourceTokens));
        var source = ReadVocabulary(context, "source_vocabulary");
        var target = ReadVocabulary(context, "target_vocabulary");

        // Shapes that bound every size are checked against the settings before the model allocates anything.
        ExpectShape(context, "encoder.embedding.weight", [source.Count, options.EmbeddingSize]);
        ExpectShape(context, "decoder.embedding.weight", [target.Count, options.EmbeddingSize]);
        var model = new Seq2SeqModel(options, source, target) { MaxTrainingSourceTokens = s.MaxTrainingSourceTokens };
        foreach (var (name, tensor) in model.NamedParameters())
        {
            var expected = new long[tensor.Shape.Rank];
            for (int i = 0; i < expected.Length; i++)
            {
                expected[i] = tensor.Shape[i];
            }
            if (!context.HasTensor(name))
            {
                throw context.Error($"tensor '{name}' is missing (expected shape [{string.Join(", ", expected)}])");
            }
            float[] values = context.ReadTensor<float>(name, expected);
            values.CopyTo(tensor.Span);
        }
        var columns = new Columns(s.Source, s.Target, s.Output, s.Score, s.NBest, s.NBestScores, s.Attention);
        return new Seq2SeqTranslatorTransformer(model, columns, translation);
    }

    private static TokenVocabulary ReadVocabulary(ModelLoadContext context, string name)
    {
        var tokens = context.ReadStrings(name);
        if (tokens.Length > MaxVocabulary)
        {
            throw context.Error($"'{name}' has {tokens.Length} tokens; at most {MaxVocabulary} are accepted");
        }
        try
        {
            return new TokenVocabulary(tokens);
        }
        catch (ArgumentException e)
        {
            throw context.Error($"'{name}' is damaged: {e.Message}", e);
        }
    }

    private static void ExpectShape(ModelLoadContext context, string name, long[] expected)
    {
        if (!context.HasTensor(name))
        {
            throw context.Error($"tensor '{name}' is missing (expected shape [{string.Join(", ", expected)}])");
        }
        context.ReadTensor<float>(name, expected);
    }

    private static void Check(ModelLoadContext context, int value, int min, int max, string field)
    {
        if (value < min || value > max)
        {
            throw context.Error($"setting {field} is {value}; expected {min} to {max}");
        }
    }

    private static T ParseEnum<T>(ModelLoadContext context, string value, string field)
        where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw context.Error($"setting {field} is '{value}'; expected one of {string.Join(", ", Enum.GetNames<T>())}");

    private sealed class Settings
    {
        public required string Source { get; init; }
        public required string Target { get; init; }
        public required string Output { get; init; }
        public string? Score { get; init; }
        public string? NBest { get; init; }
        public string? NBestScores { get; init; }
        public string? Attention { get; init; }
        public required string Cell { get; init; }
        public required int Layers { get; init; }
        public required bool Bidirectional { get; init; }
        public required int EmbeddingSize { get; init; }
        public required int HiddenSize { get; init; }
        public required int AttentionSize { get; init; }
        public required string AttentionKind { get; init; }
        public required float Dropout { get; init; }
        public required string SourceTokenization { get; init; }
        public required string TargetTokenization { get; init; }
        public required bool Lowercase { get; init; }
        public required int MinTokenCount { get; init; }
        public required int Seed { get; init; }
        public required int MaxTrainingSourceTokens { get; init; }
        public required int BeamWidth { get; init; }
        public required float LengthPenalty { get; init; }
        public required float MaxLengthRatio { get; init; }
        public required int MaxLengthOffset { get; init; }
        public required int NBestCount { get; init; }
        public int? MaxSourceTokens { get; init; }
    }
}
