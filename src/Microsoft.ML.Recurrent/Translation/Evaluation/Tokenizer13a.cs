using System.Text.RegularExpressions;

namespace Microsoft.ML.Recurrent.Translation.Evaluation;

/// <summary>
/// The "13a" tokenizer of mteval-v13a.pl, as sacreBLEU's default: unescapes four XML entities, splits off
/// punctuation and symbols, splits period and comma except between digits, and a dash after a digit.
/// </summary>
/// <remarks>
/// The four rules are sacreBLEU's <c>TokenizerRegexp</c> patterns, applied in order, each as one left-to-right
/// non-overlapping pass (Python's <c>re.sub</c> and .NET's <c>Regex.Replace</c> scan alike for these patterns).
/// Symbol class of rule 1: <c>{ | } ~ [ \ ] ^ _ `</c>, space to <c>&amp;</c>, <c>( ) * +</c>, <c>: ; &lt; = &gt; ? @</c>
/// and <c>/</c>: the apostrophe, comma, hyphen and period are left to the later rules.
/// </remarks>
public static class Tokenizer13a
{
    private static readonly Regex Symbols = new(@"([\x7B-\x7E\x5B-\x60\x20-\x26\x28-\x2B\x3A-\x40/])", RegexOptions.CultureInvariant);
    private static readonly Regex PeriodCommaAfterNonDigit = new(@"([^0-9])([\.,])", RegexOptions.CultureInvariant);
    private static readonly Regex PeriodCommaBeforeNonDigit = new(@"([\.,])([^0-9])", RegexOptions.CultureInvariant);
    private static readonly Regex DashAfterDigit = new(@"([0-9])(-)", RegexOptions.CultureInvariant);

    /// <summary>Splits a segment into 13a tokens (sacreBLEU strips trailing whitespace first; so does this).</summary>
    /// <param name="line">One segment (a sentence).</param>
    /// <returns>The tokens, in order; empty for an empty or blank segment.</returns>
    public static string[] Tokenize(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        string s = line.TrimEnd();
        s = s.Replace("<skipped>", "", StringComparison.Ordinal)
             .Replace("-\n", "", StringComparison.Ordinal)
             .Replace("\n", " ", StringComparison.Ordinal);
        if (s.Contains('&', StringComparison.Ordinal))
        {
            s = s.Replace("&quot;", "\"", StringComparison.Ordinal)
                 .Replace("&amp;", "&", StringComparison.Ordinal)
                 .Replace("&lt;", "<", StringComparison.Ordinal)
                 .Replace("&gt;", ">", StringComparison.Ordinal);
        }
        s = " " + s + " ";
        s = Symbols.Replace(s, " $1 ");
        s = PeriodCommaAfterNonDigit.Replace(s, "$1 $2 ");
        s = PeriodCommaBeforeNonDigit.Replace(s, " $1 $2");
        s = DashAfterDigit.Replace(s, "$1 $2 ");
        return s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
    }
}
