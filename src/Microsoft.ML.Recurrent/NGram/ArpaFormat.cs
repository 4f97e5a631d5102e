using System.Globalization;
using System.Text;

namespace Microsoft.ML.Recurrent.NGram;

/// <summary>
/// Reads and writes the ARPA back-off format of KenLM and SRILM: a <c>\data\</c> header with <c>ngram N=count</c>
/// lines, one <c>\N-grams:</c> section per order whose lines are <c>log10 p, the words, [log10 back-off]</c>, and
/// <c>\end\</c>. Written files follow KenLM (tabs, <c>&lt;s&gt;</c> with probability 0, no back-off on highest-order
/// n-grams and on n-grams ending in <c>&lt;/s&gt;</c> or <c>&lt;unk&gt;</c>); reading also accepts SRILM's style
/// (−99 for <c>&lt;s&gt;</c>, back-offs of 0 written out, spaces instead of tabs). Probabilities are written with the
/// shortest text that reads back to the same float, so a written and re-read model scores identically.
/// </summary>
public static class ArpaFormat
{
    /// <summary>log10 of probability 0 in ARPA files (SRILM's convention).</summary>
    public const float LogZero = -99f;

    /// <summary>Writes <paramref name="model"/> as an ARPA file.</summary>
    /// <exception cref="NotSupportedException">The model uses add-k smoothing, whose unseen-word rule ARPA cannot express.</exception>
    public static void Write(NGramLanguageModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        Write(model, writer);
    }

    /// <summary>Writes <paramref name="model"/> in ARPA format to <paramref name="writer"/>.</summary>
    /// <exception cref="NotSupportedException">The model uses add-k smoothing, whose unseen-word rule ARPA cannot express.</exception>
    public static void Write(NGramLanguageModel model, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(writer);
        if (model.Smoothing == NGramSmoothing.AddK)
            throw new NotSupportedException("An add-k model cannot be written as ARPA: its unseen words take a per-context constant, not a back-off to shorter contexts. Save it with NGramLanguageModel.Save instead.");
        Write(model.Data, writer);
    }

    internal static void Write(NGramModelData data, TextWriter writer)
    {
        writer.NewLine = "\n";
        writer.WriteLine();
        writer.WriteLine("\\data\\");
        for (int n = 1; n <= data.Order; n++)
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ngram {n}={data.CountOf(n)}"));

        Span<char> number = stackalloc char[32];
        writer.WriteLine();
        writer.WriteLine("\\1-grams:");
        for (int w = 0; w < data.Words.Length; w++)
        {
            WriteFloat(writer, data.UnigramProb[w], number);
            writer.Write('\t');
            writer.Write(data.Words[w]);
            if (data.Order > 1 && HasBackoffColumn(w))
            {
                writer.Write('\t');
                WriteFloat(writer, data.UnigramBackoff[w], number);
            }
            writer.Write('\n');
        }

        var ids = new int[data.Order];
        for (int k = 2; k <= data.Order; k++)
        {
            writer.WriteLine();
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\\{k}-grams:"));
            var order = data.Higher[k - 2];
            for (int g = 0; g < order.Count; g++)
            {
                NGramText.FillIds(data, k, g, ids);
                WriteFloat(writer, order.Prob[g], number);
                writer.Write('\t');
                for (int i = 0; i < k; i++)
                {
                    if (i > 0) writer.Write(' ');
                    writer.Write(data.Words[ids[i]]);
                }
                if (k < data.Order && HasBackoffColumn(order.Word[g]))
                {
                    writer.Write('\t');
                    WriteFloat(writer, order.Backoff[g], number);
                }
                writer.Write('\n');
            }
        }
        writer.WriteLine();
        writer.WriteLine("\\end\\");
        writer.Flush();
    }

    /// <summary>Reads an ARPA file (KenLM or SRILM style).</summary>
    /// <exception cref="InvalidDataException">The file is malformed; the message names the line and what was expected.</exception>
    public static NGramLanguageModel Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path, Encoding.UTF8, true, 1 << 16);
        return Read(reader, path);
    }

    /// <summary>Reads an ARPA model from <paramref name="reader"/>; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="InvalidDataException">The text is malformed; the message names the line and what was expected.</exception>
    public static NGramLanguageModel Read(TextReader reader, string source = "ARPA")
    {
        ArgumentNullException.ThrowIfNull(reader);
        var data = new ArpaReader(reader, source).Read();
        return new NGramLanguageModel(data, NGramSmoothing.KneserNey, null);
    }

    private static bool HasBackoffColumn(int lastWord) => lastWord != TokenizedCorpusIds.End && lastWord != TokenizedCorpusIds.Unknown;

    private static void WriteFloat(TextWriter writer, float value, Span<char> buffer)
    {
        if (float.IsNegativeInfinity(value)) value = LogZero;
        value.TryFormat(buffer, out int written, default, CultureInfo.InvariantCulture);
        writer.Write(buffer[..written]);
    }
}
