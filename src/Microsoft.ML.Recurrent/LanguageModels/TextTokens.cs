namespace Microsoft.ML.Recurrent.LanguageModels;

/// <summary>
/// Splits plain text into the tokens of a <see cref="TokenLevel"/>, the way the language models read corpora:
/// words by white space with <c>&lt;eos&gt;</c> closing every line, or every character with the line break kept.
/// </summary>
public static class TextTokens
{
    /// <summary>The tokens of a whole corpus (every line closed by the end-of-line token).</summary>
    public static IEnumerable<string> OfCorpus(TextReader reader, TokenLevel level)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            foreach (string token in OfLine(line, level))
            {
                yield return token;
            }
            yield return LanguageModelVocabulary.EndOfLine(level);
        }
    }

    /// <summary>The tokens of one line (no end-of-line token added): a prompt or a row to score.</summary>
    public static IEnumerable<string> OfLine(string line, TokenLevel level)
    {
        ArgumentNullException.ThrowIfNull(line);
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
        using var reader = new StreamReader(path);
        return ToIds(OfCorpus(reader, vocabulary.Level), vocabulary);
    }
}
