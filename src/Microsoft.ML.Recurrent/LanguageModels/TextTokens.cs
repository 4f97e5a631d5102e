using Microsoft.ML.Recurrent.Text;

namespace Microsoft.ML.Recurrent.LanguageModels;

/// <summary>
/// Splits plain text into the tokens of a <see cref="TokenLevel"/>, the way the language models read corpora:
/// words by white space with <c>&lt;eos&gt;</c> closing every line, every character with the line break kept, or
/// byte-pair-encoding subwords (their texts) with <c>&lt;eos&gt;</c> closing every line.
/// </summary>
public static class TextTokens
{
    /// <summary>The tokens of a whole corpus (every line closed by the end-of-line token).</summary>
    /// <param name="reader">The corpus.</param>
    /// <param name="level">The token level.</param>
    /// <param name="encoding">The subword encoding; required at <see cref="TokenLevel.Subword"/>, ignored otherwise.</param>
    public static IEnumerable<string> OfCorpus(TextReader reader, TokenLevel level, BytePairEncoding? encoding = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        CheckEncoding(level, encoding);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            foreach (string token in OfLine(line, level, encoding))
            {
                yield return token;
            }
            yield return LanguageModelVocabulary.EndOfLine(level);
        }
    }

    /// <summary>The tokens of one line (no end-of-line token added): a prompt or a row to score.</summary>
    /// <param name="line">The line.</param>
    /// <param name="level">The token level.</param>
    /// <param name="encoding">The subword encoding; required at <see cref="TokenLevel.Subword"/>, ignored otherwise.</param>
    /// <exception cref="ArgumentException">Subword level without an encoding.</exception>
    public static IEnumerable<string> OfLine(string line, TokenLevel level, BytePairEncoding? encoding = null)
    {
        ArgumentNullException.ThrowIfNull(line);
        CheckEncoding(level, encoding);
        if (level == TokenLevel.Subword)
        {
            return OfSubwords(line, encoding!);
        }
        return OfLineIterator(line, level);
    }

    private static IEnumerable<string> OfSubwords(string line, BytePairEncoding encoding)
    {
        foreach (int id in encoding.Encode(line))
        {
            yield return encoding.GetTokenText(id);
        }
    }

    private static void CheckEncoding(TokenLevel level, BytePairEncoding? encoding)
    {
        if (level == TokenLevel.Subword && encoding is null)
        {
            throw new ArgumentException("Subword tokens need the model's BytePairEncoding (encoding is null).", nameof(encoding));
        }
    }

    private static IEnumerable<string> OfLineIterator(string line, TokenLevel level)
    {
        if (level == TokenLevel.Character)
        {
            foreach (char c in line)
            {
                yield return c.ToString();
            }
            yield break;
        }
        int i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && char.IsWhiteSpace(line[i]))
            {
                i++;
            }
            int start = i;
            while (i < line.Length && !char.IsWhiteSpace(line[i]))
            {
                i++;
            }
            if (i > start)
            {
                yield return line.Substring(start, i - start);
            }
        }
    }

    /// <summary>Maps tokens to ids (unknown tokens to <see cref="LanguageModelVocabulary.UnknownId"/>).</summary>
    public static int[] ToIds(IEnumerable<string> tokens, LanguageModelVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var ids = new List<int>();
        foreach (string token in tokens)
        {
            ids.Add(vocabulary.IdOf(token));
        }
        return ids.ToArray();
    }

    /// <summary>Reads a corpus file into ids of <paramref name="vocabulary"/>.</summary>
    public static int[] ReadFile(string path, LanguageModelVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        using var reader = new StreamReader(path);
        return ToIds(OfCorpus(reader, vocabulary.Level, vocabulary.Encoding), vocabulary);
    }
}
