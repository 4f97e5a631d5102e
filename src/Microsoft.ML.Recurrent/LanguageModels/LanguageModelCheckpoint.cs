using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.ML.Recurrent.Tensors;
using Microsoft.ML.Recurrent.Tensors.IO;

namespace Microsoft.ML.Recurrent.LanguageModels;

/// <summary>
/// A training run saved to a folder so that it can resume after an interruption (even kill -9) and end exactly as
/// an uninterrupted run: parameters, optimizer state, the carried recurrent state, the data position (epoch and
/// window), the learning-rate state, the best validation result and its parameters. Dropout masks derive from the
/// seed and the step number, so no generator state is needed.
/// </summary>
/// <remarks>
/// Layout: <c>checkpoint-&lt;step&gt;.safetensors</c> (tensors) and <c>checkpoint.json</c> (everything else and the name
/// of the tensor file). The JSON is written to a temporary file and renamed over the old one, which is atomic: a
/// process killed at any moment leaves the previous checkpoint or the new one, never a mix.
/// </remarks>
public sealed class LanguageModelCheckpoint
{
    /// <summary>File name of the checkpoint's description inside the folder.</summary>
    public const string DescriptionFile = "checkpoint.json";

    private const int FormatVersion = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private LanguageModelCheckpoint(string folder, RecurrentLanguageModel model, TrainerPosition position,
        Dictionary<string, Tensor> tensors)
    {
        Folder = folder;
        Model = model;
        Position = position;
        Tensors = tensors;
    }

    /// <summary>The folder it was read from.</summary>
    public string Folder { get; }

    /// <summary>The model with the checkpoint's parameters.</summary>
    public RecurrentLanguageModel Model { get; }

    /// <summary>Epoch (1-based) the run continues in.</summary>
    public int Epoch => Position.Epoch;

    /// <summary>Window of that epoch the run continues at.</summary>
    public int Window => Position.Window;

    /// <summary>Training steps done before the checkpoint.</summary>
    public long GlobalStep => Position.GlobalStep;

    internal TrainerPosition Position { get; }

    /// <summary>Every tensor of the checkpoint (parameters, optimizer state, carried state, best parameters).</summary>
    internal Dictionary<string, Tensor> Tensors { get; }

    /// <summary>Whether <paramref name="folder"/> holds a checkpoint.</summary>
    public static bool Exists(string folder) => File.Exists(Path.Combine(folder, DescriptionFile));

    /// <summary>Reads the checkpoint of a folder.</summary>
    /// <exception cref="FileNotFoundException">The folder holds no checkpoint.json.</exception>
    /// <exception cref="InvalidDataException">A file is damaged or inconsistent (the file and field named).</exception>
    public static LanguageModelCheckpoint Load(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        string jsonPath = Path.Combine(folder, DescriptionFile);
        Description d;
        try
        {
            d = JsonSerializer.Deserialize<Description>(File.ReadAllBytes(jsonPath), Json)
                ?? throw new InvalidDataException($"{jsonPath} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{jsonPath} is not a valid checkpoint description: {e.Message}", e);
        }
        if (d.FormatVersion != FormatVersion)
        {
            throw new InvalidDataException($"{jsonPath}: formatVersion {d.FormatVersion}; this build reads {FormatVersion}.");
        }
        if (d.TensorFile.Length == 0 || d.TensorFile != Path.GetFileName(d.TensorFile) || d.TensorFile.Contains(".."))
        {
            throw new InvalidDataException($"{jsonPath}: tensorFile '{d.TensorFile}' must be a plain file name in the checkpoint folder.");
        }
        var p = d.Position;
        if (p.Epoch < 1 || p.Window < 0 || p.GlobalStep < 0 || !(p.PlateauScale > 0f) || p.BadEpochs < 0)
        {
            throw new InvalidDataException($"{jsonPath}: position (epoch {p.Epoch}, window {p.Window}, step {p.GlobalStep}, plateauScale {p.PlateauScale}, badEpochs {p.BadEpochs}) is out of range.");
        }
        LanguageModelVocabulary vocabulary;
        try
        {
            d.Options.Validate();
            vocabulary = d.Level == TokenLevel.Subword
                ? new LanguageModelVocabulary(d.Vocabulary, new Text.BytePairEncoding(PairsOf(d.SubwordMerges ?? [])))
                : new LanguageModelVocabulary(d.Vocabulary, d.Level);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{jsonPath}: {e.Message}", e);
        }
        var tensors = SafeTensorsReader.Read(Path.Combine(folder, d.TensorFile));
        var parameters = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var t in tensors)
        {
            if (!t.Key.Contains(':'))
            {
                parameters[t.Key] = t.Value;
            }
        }
        RecurrentLanguageModel model;
        try
        {
            model = RecurrentLanguageModel.FromParameters(vocabulary, d.Options, parameters);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{d.TensorFile}: {e.Message}", e);
        }
        return new LanguageModelCheckpoint(folder, model, p, tensors);
    }

    /// <summary>Writes a checkpoint into <paramref name="folder"/>, replacing the previous one atomically.</summary>
    internal static void Save(string folder, RecurrentLanguageModel model, TrainerPosition position,
        IEnumerable<KeyValuePair<string, Tensor>> extraTensors)
    {
        Directory.CreateDirectory(folder);
        string tensorFile = $"checkpoint-{position.GlobalStep:D9}.safetensors";
        var all = new List<KeyValuePair<string, Tensor>>(model.NamedParameters());
        all.AddRange(extraTensors);
        string tensorPath = Path.Combine(folder, tensorFile);
        string tensorTemp = tensorPath + ".tmp";
        SafeTensorsWriter.Write(tensorTemp, all);
        File.Move(tensorTemp, tensorPath, overwrite: true);

        string jsonPath = Path.Combine(folder, DescriptionFile);
        string? previous = null;
        if (File.Exists(jsonPath))
        {
            try
            {
                previous = JsonSerializer.Deserialize<Description>(File.ReadAllBytes(jsonPath), Json)?.TensorFile;
            }
            catch (JsonException)
            {
                previous = null;
            }
        }
        var description = new Description
        {
            FormatVersion = FormatVersion,
            TensorFile = tensorFile,
            Level = model.Vocabulary.Level,
            Options = model.Options,
            Vocabulary = [.. model.Vocabulary.Tokens],
            SubwordMerges = FlatOf(model.Vocabulary.Encoding),
            Position = position,
        };
        string jsonTemp = jsonPath + ".tmp";
        File.WriteAllBytes(jsonTemp, JsonSerializer.SerializeToUtf8Bytes(description, Json));
        File.Move(jsonTemp, jsonPath, overwrite: true);      // the commit point
        if (previous is not null && previous != tensorFile && previous == Path.GetFileName(previous))
        {
            File.Delete(Path.Combine(folder, previous));
        }
    }

    private static int[]? FlatOf(Text.BytePairEncoding? encoding)
    {
        if (encoding is null)
        {
            return null;
        }
        var flat = new int[encoding.Merges.Count * 2];
        for (int r = 0; r < encoding.Merges.Count; r++)
        {
            (flat[2 * r], flat[2 * r + 1]) = encoding.Merges[r];
        }
        return flat;
    }

    private static (int Left, int Right)[] PairsOf(int[] flat)
    {
        if (flat.Length % 2 != 0)
        {
            throw new ArgumentException($"subwordMerges holds {flat.Length} ids; expected pairs (an even count).");
        }
        var pairs = new (int Left, int Right)[flat.Length / 2];
        for (int r = 0; r < pairs.Length; r++)
        {
            pairs[r] = (flat[2 * r], flat[2 * r + 1]);
        }
        return pairs;
    }

    private sealed class Description
    {
        public required int FormatVersion { get; init; }

        public required string TensorFile { get; init; }

        public required TokenLevel Level { get; init; }

        public required RecurrentLanguageModelOptions Options { get; init; }

        public required string[] Vocabulary { get; init; }

        public required TrainerPosition Position { get; init; }

        /// <summary>Subword level: the merge rules, flattened (left, right, left, right, ...); null otherwise.</summary>
        public int[]? SubwordMerges { get; init; }
    }
}
