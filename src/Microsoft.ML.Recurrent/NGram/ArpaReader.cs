using System.Globalization;

namespace Microsoft.ML.Recurrent.NGram;

/// <summary>
/// Parses ARPA text into <see cref="NGramModelData"/>. Unigrams get KenLM's ids (<c>&lt;unk&gt;</c> 0, <c>&lt;s&gt;</c>
/// 1, <c>&lt;/s&gt;</c> 2, then file order); a missing <c>&lt;unk&gt;</c> is added with log10 p = −100 as KenLM does,
/// a missing <c>&lt;s&gt;</c> or <c>&lt;/s&gt;</c> with −99. Each higher-order n-gram is linked to its context, which must
/// be listed in the order below; every error names the line.
/// </summary>
internal sealed class ArpaReader
{
    private readonly TextReader _reader;
    private readonly string _source;
    private int _lineNumber;

    public ArpaReader(TextReader reader, string source)
    {
        _reader = reader;
        _source = source;
    }

    public NGramModelData Read()
    {
        string? line;
        while ((line = Next()) is not null && line.Trim() != "\\data\\") { }
        if (line is null) throw Error("no \\data\\ header found");

        var declared = new List<long>();
        while ((line = Next()) is not null)
        {
            string t = line.Trim();
            if (t.Length == 0) continue;
            if (!t.StartsWith("ngram ", StringComparison.Ordinal)) break;
            int eq = t.IndexOf('=');
            if (eq < 0 || !int.TryParse(t.AsSpan(6, eq - 6).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int n)
                || !long.TryParse(t.AsSpan(eq + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long count))
                throw Error($"expected 'ngram N=count', found '{t}'");
            if (n != declared.Count + 1) throw Error($"expected the count of order {declared.Count + 1}, found order {n}");
            if (count < 0 || count > int.MaxValue) throw Error($"n-gram count {count} is out of range");
            declared.Add(count);
        }
        if (declared.Count == 0) throw Error("the \\data\\ header lists no 'ngram N=count' line");
        if (declared.Count > NGramOptions.MaxOrder) throw Error($"order {declared.Count} exceeds the supported maximum {NGramOptions.MaxOrder}");
        int order = declared.Count;

        // Unigrams.
        ExpectSection(line, 1);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var words = new List<string> { "<unk>", "<s>", "</s>" };
        var unigramProb = new List<float> { float.NaN, float.NaN, float.NaN };
        var unigramBackoff = new List<float> { 0f, 0f, 0f };
        var fields = new List<string>();
        for (long i = 0; i < declared[0]; i++)
        {
            line = NextNonEmpty() ?? throw Error($"the file ends inside the 1-grams after {i} of {declared[0]} entries");
            Split(line, fields);
            ParseEntry(fields, 1, order, out float prob, out float backoff);
            string word = fields[1];
            int id = word switch { "<unk>" => 0, "<s>" => 1, "</s>" => 2, _ => -1 };
            if (ids.ContainsKey(word)) throw Error($"the unigram '{word}' is listed twice");
            if (id < 0)
            {
                id = words.Count;
                words.Add(word);
                unigramProb.Add(prob);
                unigramBackoff.Add(backoff);
            }
            else
            {
                unigramProb[id] = prob;
                unigramBackoff[id] = backoff;
            }
            ids.Add(word, id);
        }
        if (float.IsNaN(unigramProb[0])) unigramProb[0] = -100f;
        if (float.IsNaN(unigramProb[1])) unigramProb[1] = ArpaFormat.LogZero;
        if (float.IsNaN(unigramProb[2])) unigramProb[2] = ArpaFormat.LogZero;

        // Higher orders: parse every section, then link orders bottom-up.
        var sections = new (int[] Ids, float[] Prob, float[] Backoff, int[] Lines)[order - 1];
        for (int k = 2; k <= order; k++)
        {
            ExpectSection(NextNonEmpty(), k);
            int count = (int)declared[k - 1];
            var gramIds = new int[checked(count * k)];
            var prob = new float[count];
            var backoff = new float[count];
            var lines = new int[count];
            for (int g = 0; g < count; g++)
            {
                line = NextNonEmpty() ?? throw Error($"the file ends inside the {k}-grams after {g} of {count} entries");
                Split(line, fields);
                ParseEntry(fields, k, order, out prob[g], out backoff[g]);
                for (int i = 0; i < k; i++)
                {
                    if (!ids.TryGetValue(fields[1 + i], out int id))
                        throw Error($"the word '{fields[1 + i]}' of this {k}-gram is not among the 1-grams");
                    gramIds[g * k + i] = id;
                }
                lines[g] = _lineNumber;
            }
            sections[k - 2] = (gramIds, prob, backoff, lines);
        }
        line = NextNonEmpty();
        if (line is null || line.Trim() != "\\end\\")
            throw Error($"expected \\end\\ after the {order}-grams, found '{line ?? "end of file"}'");

        var higher = new NGramOrderData[order - 1];
        var indexes = new Dictionary<ulong, int>[order + 1]; // [n]: (context index, last word) → index among the n-grams
        for (int k = 2; k <= order; k++)
        {
            var (gramIds, prob, backoff, lines) = sections[k - 2];
            int count = prob.Length;
            var keys = new ulong[count];
            var order_ = new int[count];
            for (int g = 0; g < count; g++)
            {
                int context = gramIds[g * k];
                for (int i = 1; i < k - 1; i++)
                {
                    if (!indexes[i + 1].TryGetValue(Key(context, gramIds[g * k + i]), out context))
                        throw new InvalidDataException($"{_source}, line {lines[g]}: the context '{Words(words, gramIds, g, k, k - 1)}' of this {k}-gram is not listed among the {k - 1}-grams.");
                }
                keys[g] = Key(context, gramIds[g * k + k - 1]);
                order_[g] = g;
            }
            Array.Sort(keys, order_);
            var index = new Dictionary<ulong, int>(count);
            var contextArray = new int[count];
            var wordArray = new int[count];
            var probArray = new float[count];
            var backoffArray = new float[count];
            for (int j = 0; j < count; j++)
            {
                if (j > 0 && keys[j] == keys[j - 1])
                    throw new InvalidDataException($"{_source}, line {lines[order_[j]]}: the {k}-gram '{Words(words, gramIds, order_[j], k, k)}' is also listed at line {lines[order_[j - 1]]}.");
                index[keys[j]] = j;
                contextArray[j] = (int)(keys[j] >> 32);
                wordArray[j] = (int)(uint)keys[j];
                probArray[j] = prob[order_[j]];
                backoffArray[j] = backoff[order_[j]];
            }
            higher[k - 2] = new NGramOrderData(k, contextArray, wordArray, probArray, backoffArray);
            indexes[k] = index;
        }
        return new NGramModelData(order, words.ToArray(), unigramProb.ToArray(), unigramBackoff.ToArray(), higher);
    }

    private static ulong Key(int context, int word) => ((ulong)(uint)context << 32) | (uint)word;

    private static string Words(List<string> words, int[] ids, int g, int k, int take)
    {
        var parts = new string[take];
        for (int i = 0; i < take; i++) parts[i] = words[ids[g * k + i]];
        return string.Join(' ', parts);
    }

    private void ParseEntry(List<string> fields, int n, int order, out float prob, out float backoff)
    {
        if (fields.Count != n + 1 && fields.Count != n + 2)
            throw Error($"expected a log10 probability, {n} word{(n == 1 ? "" : "s")} and an optional back-off, found {fields.Count} field{(fields.Count == 1 ? "" : "s")}");
        if (!float.TryParse(fields[0], NumberStyles.Float, CultureInfo.InvariantCulture, out prob) || float.IsNaN(prob) || prob > 0)
            throw Error($"'{fields[0]}' is not a log10 probability (a number <= 0)");
        backoff = 0f;
        if (fields.Count == n + 2)
        {
            if (n == order) throw Error($"a highest-order ({n}-gram) entry cannot have a back-off weight");
            if (!float.TryParse(fields[n + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out backoff) || !float.IsFinite(backoff))
                throw Error($"'{fields[n + 1]}' is not a log10 back-off weight");
        }
    }

    private void ExpectSection(string? line, int n)
    {
        string expected = string.Create(CultureInfo.InvariantCulture, $"\\{n}-grams:");
        if (line is null || line.Trim() != expected) throw Error($"expected '{expected}', found '{line ?? "end of file"}'");
    }

    private static void Split(string line, List<string> fields)
    {
        fields.Clear();
        var span = line.AsSpan();
        foreach (var range in span.SplitAny(" \t\r"))
            if (!range.Start.Equals(range.End)) fields.Add(span[range].ToString());
    }

    private string? Next()
    {
        string? line = _reader.ReadLine();
        if (line is not null) _lineNumber++;
        return line;
    }

    private string? NextNonEmpty()
    {
        string? line;
        while ((line = Next()) is not null && line.Trim().Length == 0) { }
        return line;
    }

    private InvalidDataException Error(string message) => new($"{_source}, line {_lineNumber}: {message}.");
}
