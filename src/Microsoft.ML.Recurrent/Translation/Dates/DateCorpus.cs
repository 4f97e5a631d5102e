using System.Globalization;

namespace Microsoft.ML.Recurrent.Translation.Dates;

/// <summary>
/// A generated translation task: dates written freely ("3rd of March 1998", "march 3, 98", "03/03/1998",
/// "Tue 3 Mar 1998", ...) → ISO 8601 dates ("1998-03-03"). Seeded, so a corpus is reproducible.
/// </summary>
/// <remarks>
/// Dates are drawn uniformly from 1950-01-01 to 2049-12-31, so a two-digit year is unambiguous (50-99 → 19xx,
/// 00-49 → 20xx). Numeric formats keep one convention each: slashes are month/day/year (US), dots and dashes with a
/// numeric month are day.month.year (European). Weekdays are always the true weekday of the date.
/// </remarks>
public static class DateCorpus
{
    private static readonly DateOnly First = new(1950, 1, 1);
    private static readonly int Days = new DateOnly(2049, 12, 31).DayNumber - First.DayNumber + 1;

    private static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly string[] Weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

    /// <summary>Number of distinct written formats (before upper/lower-case variants).</summary>
    public const int FormatCount = 24;

    /// <summary>Generates <paramref name="count"/> pairs (written date, ISO date).</summary>
    /// <param name="count">Pairs to generate, ≥ 0.</param>
    /// <param name="seed">Seed of the dates, formats and casing.</param>
    /// <param name="exclude">Sources that must not be generated (to hold out a test set disjoint from training); may be null.</param>
    public static List<SentencePair> Generate(int count, int seed, IReadOnlySet<string>? exclude = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(seed);
        var pairs = new List<SentencePair>(count);
        while (pairs.Count < count)
        {
            var date = First.AddDays(random.Next(Days));
            string written = Case(Write(date, random.Next(FormatCount)), random);
            if (exclude is not null && exclude.Contains(written))
            {
                continue;
            }
            pairs.Add(new SentencePair(written, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        return pairs;
    }

    /// <summary>The date written in format <paramref name="format"/> (0 .. <see cref="FormatCount"/>-1).</summary>
    public static string Write(DateOnly date, int format)
    {
        int d = date.Day, m = date.Month, y = date.Year, yy = y % 100;
        string month = Months[m - 1], mon = month[..3], day = Weekdays[(int)date.DayOfWeek], dy = day[..3];
        string o = Ordinal(d);
        return format switch
        {
            0 => $"{o} of {month} {y}",
            1 => $"{month.ToLowerInvariant()} {d}, {yy:00}",
            2 => $"{m:00}/{d:00}/{y}",
            3 => $"{dy} {d} {mon} {y}",
            4 => $"{d} {month} {y}",
            5 => $"{month} {o}, {y}",
            6 => $"{day}, {month} {d}, {y}",
            7 => $"{d}-{mon}-{yy:00}",
            8 => $"{mon} {d} {y}",
            9 => $"the {o} of {month}, {y}",
            10 => $"{d}.{m}.{y}",
            11 => $"{d:00}.{m:00}.{yy:00}",
            12 => $"{m}/{d}/{yy:00}",
            13 => $"{y}-{m:00}-{d:00}",
            14 => $"{d:00}-{m:00}-{y}",
            15 => $"{day} the {o} of {month} {y}",
            16 => $"{mon}. {d}, {y}",
            17 => $"{o} {month} {y}",
            18 => $"{month} {d} {y}",
            19 => $"{d} {mon} '{yy:00}",
            20 => $"{dy}, {d} {mon} {y}",
            21 => $"{y}/{m:00}/{d:00}",
            22 => $"{month} the {o}, {y}",
            23 => $"{dy} {mon} {d} {y}",
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, $"Date formats are 0 to {FormatCount - 1}."),
        };
    }

    private static string Ordinal(int d) => d + (d % 10 == 1 && d != 11 ? "st" : d % 10 == 2 && d != 12 ? "nd" : d % 10 == 3 && d != 13 ? "rd" : "th");

    private static string Case(string s, Random random) => random.Next(6) switch
    {
        0 => s.ToLowerInvariant(),
        1 => s.ToUpperInvariant(),
        _ => s,
    };
}
