namespace Microsoft.ML.Recurrent.Text.Stemming;

/// <summary>Parses stemmer language names, for command lines and configuration.</summary>
public static class StemmerLanguages
{
    private static readonly StemmerLanguage[] s_all = Enum.GetValues<StemmerLanguage>();

    /// <summary>Every supported language, in enum order.</summary>
    public static IReadOnlyList<StemmerLanguage> All => s_all;

    /// <summary>The valid names, lower-case and comma-separated, for error messages and help text.</summary>
    public static string ValidNames { get; } = string.Join(", ", Array.ConvertAll(s_all, l => l.ToString().ToLowerInvariant())) + " (also: porter2 = english)";

    /// <summary>
    /// Parses a language name, case-insensitively: the enum member names (<c>english</c>, <c>porter</c>, <c>russian</c>,
    /// …) and the alias <c>porter2</c> for English. Numbers are rejected.
    /// </summary>
    public static bool TryParse(string? name, out StemmerLanguage language)
    {
        language = default;
        if (string.IsNullOrWhiteSpace(name))
            return false;
        string trimmed = name.Trim();
        if (trimmed.Equals("porter2", StringComparison.OrdinalIgnoreCase))
        {
            language = StemmerLanguage.English;
            return true;
        }
        foreach (var candidate in s_all)
        {
            if (trimmed.Equals(candidate.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                language = candidate;
                return true;
            }
        }
        return false;
    }

    /// <summary>Parses a language name as <see cref="TryParse"/> does.</summary>
    /// <exception cref="ArgumentException">The name is not a supported language; the message lists the valid names.</exception>
    public static StemmerLanguage Parse(string? name)
    {
        if (TryParse(name, out var language))
            return language;
        throw new ArgumentException($"Unknown stemmer language '{name}'. Valid names: {ValidNames}.", nameof(name));
    }
}
