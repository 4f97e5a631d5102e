using System.IO.Compression;
using System.Text;
using Microsoft.ML;

namespace Microsoft.ML.Recurrent.NGram;

public sealed partial class NGramLanguageModel
{
    /// <summary>Name of the model entry inside a zip written by <see cref="SaveZip(string)"/>.</summary>
    public const string ZipEntryName = "ngram/model.bin";

    /// <summary>Writes the compact binary form (see docs/ngram.md) to <paramref name="stream"/>.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        NGramBinaryFormat.Write(Data, Smoothing, stream);
    }

    /// <summary>Reads a model written by <see cref="Save(Stream)"/>.</summary>
    /// <param name="stream">The binary model.</param>
    /// <param name="source">Names the stream in error messages.</param>
    /// <exception cref="InvalidDataException">The data is damaged; the message names the field.</exception>
    public static NGramLanguageModel Load(Stream stream, string source = "n-gram model")
    {
        ArgumentNullException.ThrowIfNull(stream);
        var (data, smoothing) = NGramBinaryFormat.Read(stream, source);
        return new NGramLanguageModel(data, smoothing, null);
    }

    /// <summary>
    /// Saves the model as a zip holding a manifest and the binary form (entry <see cref="ZipEntryName"/>).
    /// </summary>
    public void SaveZip(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var file = File.Create(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        var manifest = zip.CreateEntry("manifest.json", CompressionLevel.Fastest);
        using (var writer = new StreamWriter(manifest.Open(), new UTF8Encoding(false)))
            writer.Write($"{{\"format\":\"Microsoft.ML.Recurrent.NGram\",\"version\":1,\"order\":{Order},\"smoothing\":\"{Smoothing}\",\"vocabulary\":{Vocabulary.Count}}}");
        // Stored, not deflated: deflating the 16 bytes per n-gram took longer than the whole estimation and saved a third.
        var entry = zip.CreateEntry(ZipEntryName, CompressionLevel.NoCompression);
        using var stream = entry.Open();
        Save(stream);
    }

    /// <summary>
    /// Loads a model from a pipeline model.zip (<see cref="SaveModelZip"/> or any saved pipeline with an n-gram step), a zip
    /// written by <see cref="SaveZip(string)"/>, the binary form, or an ARPA file (recognized by its content).
    /// </summary>
    /// <exception cref="InvalidDataException">The file is damaged; the message names the entry, field or line.</exception>
    public static NGramLanguageModel LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Span<byte> head = stackalloc byte[8];
        int read;
        using (var probe = File.OpenRead(path)) read = probe.ReadAtLeast(head, 8, throwOnEndOfStream: false);
        if (read >= 4 && head[0] == (byte)'P' && head[1] == (byte)'K')
        {
            using (var zip = ZipFile.OpenRead(path))
            {
                if (zip.GetEntry(ZipEntryName) is { } entry)
                {
                    using var stream = entry.Open();
                    return Load(stream, $"{path}!{ZipEntryName}");
                }
            }
            // A pipeline model.zip: the n-gram model is the transformer itself or a step of the chain.
            var transformer = new MLContext().Model.Load(path, out _);
            return FindModel(transformer) ?? throw new InvalidDataException($"{path}: the model.zip holds no NGramLanguageModel step.");
        }
        if (read == 8 && head.SequenceEqual("RNGRAM01"u8))
        {
            using var stream = File.OpenRead(path);
            return Load(stream, path);
        }
        return ArpaFormat.Read(path);
    }

    private static NGramLanguageModel? FindModel(ITransformer transformer)
    {
        if (transformer is NGramLanguageModelTransformer ngram) return ngram.Model;
        if (transformer is IEnumerable<ITransformer> chain)
            foreach (var step in chain)
                if (FindModel(step) is { } model) return model;
        return null;
    }

    /// <summary>
    /// Saves the model as a pipeline model.zip (one <see cref="NGramLanguageModelTransformer"/> step with default column
    /// names), loadable with <c>mlContext.Model.Load</c> and <see cref="LoadFile"/>.
    /// </summary>
    public void SaveModelZip(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        new MLContext().Model.Save(new NGramLanguageModelTransformer(this), null, path);
    }

    /// <summary>Reads an ARPA file (KenLM or SRILM style); see <see cref="ArpaFormat"/>.</summary>
    public static NGramLanguageModel LoadArpa(string path) => ArpaFormat.Read(path);

    /// <summary>Writes the model as an ARPA file; see <see cref="ArpaFormat"/>.</summary>
    public void SaveArpa(string path) => ArpaFormat.Write(this, path);
}
