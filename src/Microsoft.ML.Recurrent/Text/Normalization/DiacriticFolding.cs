using System.Globalization;
using System.Reflection;

namespace Microsoft.ML.Recurrent.Text;

/// <summary>
/// Diacritic removal by canonical decomposition, from the table <c>DiacriticFolding.txt</c> generated out of
/// the Unicode Character Database by <c>generate_diacritic_folding.py</c> (rules there and in docs/text.md).
/// </summary>
/// <remarks>
/// Why not <see cref="string.Normalize(System.Text.NormalizationForm)"/>: the project runs with
/// InvariantGlobalization=true, where Normalize returns its input unchanged (no ICU data), so
/// "é".Normalize(FormD) stays one code point and no mark could be dropped.
/// </remarks>
internal static class DiacriticFolding
{
    private const string ResourceName = "Microsoft.ML.Recurrent.Text.Normalization.DiacriticFolding.txt";

    // Basic Multilingual Plane: one entry per code unit, 0 = untouched, 0xFFFF = removable mark,
    // otherwise the folded letter (every fold in the table maps one BMP letter to one BMP letter; the
    // loader checks that). 128 KB, built once.
    private static readonly char[] s_bmp;
    private static readonly HashSet<int> s_supplementaryMarks = [];
    private const char RemovableMark = '\uFFFF';

    static DiacriticFolding()
    {
        s_bmp = new char[0x10000];
        using Stream stream = typeof(DiacriticFolding).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{ResourceName}' is missing from {typeof(DiacriticFolding).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        int lineNumber = 0;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
                continue;
            string[] fields = line.Split(' ');
            if (fields[0] == "M" && fields.Length == 3)
            {
                int first = Parse(fields[1], lineNumber), last = Parse(fields[2], lineNumber);
                for (int cp = first; cp <= last; cp++)
                {
                    if (cp < 0x10000)
                        s_bmp[cp] = RemovableMark;
                    else
                        s_supplementaryMarks.Add(cp);
                }
            }
            else if (fields[0] == "F" && fields.Length == 3)
            {
                int from = Parse(fields[1], lineNumber), to = Parse(fields[2], lineNumber);
                if (from >= 0x10000 || to >= 0x10000 || to == RemovableMark)
                    throw new InvalidDataException($"{ResourceName} line {lineNumber}: fold '{line}' leaves the Basic Multilingual Plane, which the folding code does not support.");
                s_bmp[from] = (char)to;
            }
            else
            {
                throw new InvalidDataException($"{ResourceName} line {lineNumber}: expected 'M first last' or 'F codepoint replacement', found '{line}'.");
            }
        }
    }

    /// <summary>True when <paramref name="c"/> (a BMP code unit) is a removable nonspacing mark.</summary>
    public static bool IsRemovableMark(char c) => s_bmp[c] == RemovableMark;

    /// <summary>True when the supplementary code point is a removable nonspacing mark.</summary>
    public static bool IsRemovableMark(int codePoint) =>
        codePoint < 0x10000 ? s_bmp[codePoint] == RemovableMark : s_supplementaryMarks.Contains(codePoint);

    /// <summary>The letter without its diacritics, or <paramref name="c"/> itself when it has none.</summary>
    public static char Fold(char c)
    {
        char f = s_bmp[c];
        return f == '\0' || f == RemovableMark ? c : f;
    }

    private static int Parse(string hex, int lineNumber) =>
        int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int value) && value is >= 0 and < 0x110000
            ? value
            : throw new InvalidDataException($"{ResourceName} line {lineNumber}: '{hex}' is not a hexadecimal code point.");
}
