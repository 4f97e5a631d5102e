using System.Text;

namespace Microsoft.ML.Recurrent.NGram.Estimation;

/// <summary>
/// Stage 0: text to <see cref="TokenizedCorpus"/>. Each line is a sentence and tokens are split on space, tab, CR and
/// NUL, as KenLM's <c>lmplz</c> does. Unlike <c>lmplz</c>, a last line without a final newline is still a full sentence
/// (KenLM drops its <c>&lt;/s&gt;</c>). The fast path reads UTF-8 bytes and never makes a string per token.
/// </summary>
internal static class CorpusReader
{
    /// <summary>Reads a whole UTF-8 text; <paramref name="source"/> names it in errors.</summary>
    public static TokenizedCorpus Read(ReadOnlySpan<byte> text, string unknownWord, int maxVocabularySize, string source)
    {
        var table = new ByteWordTable(16384);
        table.Intern(Encoding.UTF8.GetBytes(unknownWord));
        table.Intern("<s>"u8);
        table.Intern("</s>"u8);

        var tokens = new int[Math.Max(1024, text.Length / 4)];
        int length = 0, sentences = 0;
        long words = 0;
        int lineNumber = 1;
        int pos = 0;
        if (text.Length >= 3 && text[0] == 0xEF && text[1] == 0xBB && text[2] == 0xBF) pos = 3; // UTF-8 byte-order mark
        bool lineOpen = false;
        while (pos < text.Length)
        {
            if (!lineOpen)
            {
                Append(ref tokens, ref length, TokenizedCorpus.BeginId);
                lineOpen = true;
            }
            byte b = text[pos];
            if (b == (byte)'\n')
            {
                Append(ref tokens, ref length, TokenizedCorpus.EndId);
                sentences++;
                lineOpen = false;
                lineNumber++;
                pos++;
                continue;
            }
            if (IsSeparator(b)) { pos++; continue; }
            int start = pos;
            while (pos < text.Length && !IsSeparator(text[pos]) && text[pos] != (byte)'\n') pos++;
            int id = table.Intern(text[start..pos]);
            if (id == TokenizedCorpus.BeginId || id == TokenizedCorpus.EndId)
                throw new FormatException($"{source}, line {lineNumber}: the corpus contains the reserved word '{(id == 1 ? "<s>" : "</s>")}'; sentence boundaries are implied by line ends.");
            Append(ref tokens, ref length, id);
            words++;
        }
        if (lineOpen)
        {
            Append(ref tokens, ref length, TokenizedCorpus.EndId);
            sentences++;
        }

        var spellings = new string[table.Count];
        for (int i = 0; i < spellings.Length; i++) spellings[i] = Encoding.UTF8.GetString(table.Word(i));
        var corpus = new TokenizedCorpus(tokens, length, spellings, sentences, words);
        return maxVocabularySize > 0 ? VocabularyLimit.Apply(corpus, maxVocabularySize) : corpus;
    }

    /// <summary>Reads sentences given as strings (each split on white space); <paramref name="source"/> names them in errors.</summary>
    public static TokenizedCorpus Read(IEnumerable<string> sentences, string unknownWord, int maxVocabularySize, string source)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal) { [unknownWord] = 0, ["<s>"] = 1, ["</s>"] = 2 };
        var spellings = new List<string> { unknownWord, "<s>", "</s>" };
        var tokens = new int[1024];
        int length = 0, count = 0;
        long words = 0;
        foreach (string sentence in sentences)
        {
            if (sentence is null) throw new ArgumentException($"{source}: sentence {count} is null.");
            Append(ref tokens, ref length, TokenizedCorpus.BeginId);
            var span = sentence.AsSpan();
            int pos = 0;
            while (pos < span.Length)
            {
                if (IsSeparator(span[pos]) || span[pos] == '\n') { pos++; continue; }
                int start = pos;
                while (pos < span.Length && !IsSeparator(span[pos]) && span[pos] != '\n') pos++;
                string word = span[start..pos].ToString();
                if (!ids.TryGetValue(word, out int id))
                {
                    id = spellings.Count;
                    ids.Add(word, id);
                    spellings.Add(word);
                }
                if (id == TokenizedCorpus.BeginId || id == TokenizedCorpus.EndId)
                    throw new FormatException($"{source}, sentence {count}: contains the reserved word '{word}'; sentence boundaries are implied.");
                Append(ref tokens, ref length, id);
                words++;
            }
            Append(ref tokens, ref length, TokenizedCorpus.EndId);
            count++;
        }
        var corpus = new TokenizedCorpus(tokens, length, spellings.ToArray(), count, words);
        return maxVocabularySize > 0 ? VocabularyLimit.Apply(corpus, maxVocabularySize) : corpus;
    }

    private static bool IsSeparator(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or 0;

    private static bool IsSeparator(char c) => c is ' ' or '\t' or '\r' or '\0';

    private static void Append(ref int[] tokens, ref int length, int id)
    {
        if (length == tokens.Length) Array.Resize(ref tokens, tokens.Length * 2);
        tokens[length++] = id;
    }
}
