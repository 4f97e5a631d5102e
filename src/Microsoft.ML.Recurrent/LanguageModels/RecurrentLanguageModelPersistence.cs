using Microsoft.ML.Recurrent.Tensors;
using Microsoft.ML.Recurrent.Text;

namespace Microsoft.ML.Recurrent.LanguageModels;

/// <summary>
/// Writes a <see cref="RecurrentLanguageModel"/> into a model.zip component (its architecture in the settings, its
/// vocabulary as a string list, its parameters as safetensors under their PyTorch names) and reads it back,
/// checking every name, shape and value before the model is built.
/// </summary>
internal static class RecurrentLanguageModelPersistence
{
    public const string VocabularyName = "vocabulary";

    /// <summary>The merge rules of a subword model: Int32 (merges, 2), rule r = (left, right) making id 256 + r.</summary>
    public const string MergesName = "bpe.merges";

    /// <summary>Merge rules stored for the model (0 unless subword level); goes into the transformer's settings so
    /// that the loader knows the tensor's shape before reading it.</summary>
    public static int MergeCount(RecurrentLanguageModel model) => model.Vocabulary.Encoding?.Merges.Count ?? 0;

    public static void Save(ModelSaveContext context, RecurrentLanguageModel model)
    {
        context.WriteStrings(VocabularyName, model.Vocabulary.Tokens);
        if (model.Vocabulary.Encoding is { Merges.Count: > 0 } encoding)
        {
            var flat = new int[encoding.Merges.Count * 2];
            for (int r = 0; r < encoding.Merges.Count; r++)
            {
                (flat[2 * r], flat[2 * r + 1]) = encoding.Merges[r];
            }
            context.WriteTensor<int>(MergesName, flat, [encoding.Merges.Count, 2]);
        }
        foreach (var p in model.NamedParameters())
        {
            var shape = new int[p.Value.Shape.Rank];
            for (int i = 0; i < shape.Length; i++)
            {
                shape[i] = p.Value.Shape[i];
            }
            context.WriteTensor<float>(p.Key, p.Value.Span, shape);
        }
    }

    public static RecurrentLanguageModel Load(ModelLoadContext context, TokenLevel level, RecurrentLanguageModelOptions options, int mergeCount)
    {
        if (mergeCount < 0 || mergeCount > BytePairEncodingFile.MaxRules || (mergeCount > 0 && level != TokenLevel.Subword))
        {
            throw context.Error($"subword merge count {mergeCount} is invalid (expected 0, or 1..{BytePairEncodingFile.MaxRules} at Subword level)");
        }
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw context.Error($"model options are invalid: {e.Message}", e);
        }
        string[] tokens = context.ReadStrings(VocabularyName);
        LanguageModelVocabulary vocabulary;
        try
        {
            vocabulary = level == TokenLevel.Subword
                ? new LanguageModelVocabulary(tokens, ReadEncoding(context, mergeCount))
                : new LanguageModelVocabulary(tokens, level);
        }
        catch (ArgumentException e)
        {
            throw context.Error($"vocabulary is invalid: {e.Message}", e);
        }
        if (vocabulary.Count != tokens.Length)
        {
            throw context.Error($"vocabulary lacks its special tokens ('{LanguageModelVocabulary.UnknownToken}' and the end of line)");
        }
        // Shapes come from the file's data (bounded by its size) and are checked against the options before the
        // model, whose size the options decide, is allocated.
        long V = tokens.Length, E = options.EmbeddingSize, H = options.HiddenSize;
        long G = options.Cell switch { RecurrentCellKind.Lstm => 4, RecurrentCellKind.Gru => 3, _ => 1 };
        var expected = new List<(string Name, long[] Shape)> { ("encoder.weight", [V, E]) };
        for (int l = 0; l < options.Layers; l++)
        {
            expected.Add(($"rnn.weight_ih_l{l}", [G * H, l == 0 ? E : H]));
            expected.Add(($"rnn.weight_hh_l{l}", [G * H, H]));
            expected.Add(($"rnn.bias_ih_l{l}", [G * H]));
            expected.Add(($"rnn.bias_hh_l{l}", [G * H]));
        }
        if (!options.TieWeights)
        {
            expected.Add(("decoder.weight", [V, H]));
        }
        expected.Add(("decoder.bias", [V]));
        var values = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var (name, shape) in expected)
        {
            if (!context.HasTensor(name))
            {
                throw context.Error($"tensor '{name}' is missing");
            }
            float[] data = context.ReadTensor<float>(name, shape);
            foreach (float v in data)
            {
                if (!float.IsFinite(v))
                {
                    throw context.Error($"tensor '{name}' holds a value that is not finite ({v})");
                }
            }
            values[name] = data;
        }
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (name, shape) in expected)
        {
            var dims = new int[shape.Length];
            for (int i = 0; i < dims.Length; i++)
            {
                dims[i] = (int)shape[i];
            }
            tensors[name] = Tensor.FromArray(values[name], new Shape(dims));
        }
        try
        {
            return RecurrentLanguageModel.FromParameters(vocabulary, options, tensors);
        }
        finally
        {
            foreach (var t in tensors.Values)
            {
                t.Dispose();
            }
        }
    }

    private static BytePairEncoding ReadEncoding(ModelLoadContext context, int mergeCount)
    {
        var merges = new (int Left, int Right)[mergeCount];
        if (mergeCount > 0)
        {
            int[] flat = context.ReadTensor<int>(MergesName, [mergeCount, 2]);
            for (int r = 0; r < mergeCount; r++)
            {
                merges[r] = (flat[2 * r], flat[2 * r + 1]);
            }
        }
        return new BytePairEncoding(merges);     // checks every rule (ArgumentException, reported by the caller)
    }
}
