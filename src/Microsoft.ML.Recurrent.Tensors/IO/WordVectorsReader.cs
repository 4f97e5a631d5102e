using System.Globalization;

namespace Microsoft.ML.Recurrent.Tensors.IO;

/// <summary>
/// Reads word vectors in the text formats of word2vec (a first line "count dim", then "word v1 ... vdim") and GloVe
/// (no header line). The result feeds <see cref="Layers.Embedding.FromPretrained"/>.
/// </summary>
public static class WordVectorsReader
{
    /// <summary>Reads a file; see <see cref="Read(TextReader, string)"/>.</summary>
    public static (IReadOnlyList<string> Words, Tensor Vectors) Read(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    /// <summary>
    /// Reads every vector. The dimension comes from the word2vec header or, without one, from the first line;
    /// every line must have exactly that many numbers.
    /// </summary>
    /// <param name="reader">The text.</param>
    /// <param name="source">Name for error messages.</param>
    /// <returns>The words in file order and a (count, dim) tensor whose row i is the vector of word i.</returns>
    /// <exception cref="InvalidDataException">A line has the wrong number of values, a value is not a number, a word
    /// repeats, or the header count disagrees with the lines (line number named).</exception>
    public static (IReadOnlyList<string> Words, Tensor Vectors) Read(TextReader reader, string source = "text")
    {
        ArgumentNullException.ThrowIfNull(reader);
        var words = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var values = new List<float>();
        int dim = -1, declared = -1, lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0)
            {
                continue;
            }
            if (lineNumber == 1 && parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int count)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int d) && d > 0)
            {
                declared = count;
                dim = d;
                continue;
            }
            if (dim < 0)
            {
                dim = parts.Length - 1;
                if (dim < 1)
                {
                    throw new InvalidDataException($"{source} line {lineNumber}: a word with no vector values.");
                }
            }
            if (parts.Length != dim + 1)
            {
                throw new InvalidDataException($"{source} line {lineNumber}: {parts.Length - 1} values for '{parts[0]}', expected {dim}.");
            }
            if (!seen.Add(parts[0]))
            {
                throw new InvalidDataException($"{source} line {lineNumber}: word '{parts[0]}' appears twice.");
            }
            words.Add(parts[0]);
            for (int i = 1; i < parts.Length; i++)
            {
                if (!float.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out float v))
                {
                    throw new InvalidDataException($"{source} line {lineNumber}: value {i} of '{parts[0]}' is '{parts[i]}', not a number.");
                }
                values.Add(v);
            }
        }
        if (declared >= 0 && declared != words.Count)
        {
            throw new InvalidDataException($"{source}: the header declares {declared} vectors but {words.Count} were read.");
        }
        if (words.Count == 0)
        {
            throw new InvalidDataException($"{source}: no vectors.");
        }
        return (words, Tensor.FromArray(values.ToArray(), new Shape(words.Count, dim)));
    }
}
