using System.Globalization;
using System.Security;
using System.Text;

namespace Microsoft.ML.Recurrent.Translation;

/// <summary>
/// Draws the attention of a <see cref="Translation"/> as an SVG heatmap: source tokens across the top, output tokens
/// down the left, one square per (output, source) pair, darker for more weight, the weight printed inside.
/// </summary>
public static class AttentionHeatmap
{
    private const int Cell = 28;        // px per square: room for "0.42" in 9 px type
    private const int LabelWidth = 110; // px for the output tokens on the left
    private const int LabelHeight = 90; // px for the rotated source tokens on top

    /// <summary>The SVG document of <paramref name="translation"/>'s attention.</summary>
    /// <exception cref="ArgumentException">The translation has no attention (a model without attention).</exception>
    public static string ToSvg(Translation translation)
    {
        ArgumentNullException.ThrowIfNull(translation);
        var a = translation.Attention;
        int rows = a.GetLength(0), cols = a.GetLength(1);
        if (rows == 0 || cols == 0)
        {
            throw new ArgumentException("This translation has no attention weights (the model was trained with AttentionKind.None).", nameof(translation));
        }
        var source = new List<string>(translation.SourceTokens) { "</s>" };
        var target = new List<string>(translation.Tokens) { "</s>" };
        int width = LabelWidth + cols * Cell + 10, height = LabelHeight + rows * Cell + 10;
        var svg = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        svg.Append(inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        for (int c = 0; c < cols; c++)
        {
            int x = LabelWidth + c * Cell + Cell / 2;
            svg.Append(inv, $"<text x=\"{x}\" y=\"{LabelHeight - 6}\" transform=\"rotate(-60 {x} {LabelHeight - 6})\">{Escape(Visible(source[c]))}</text>\n");
        }
        for (int r = 0; r < rows; r++)
        {
            int y = LabelHeight + r * Cell;
            svg.Append(inv, $"<text x=\"{LabelWidth - 6}\" y=\"{y + Cell / 2 + 4}\" text-anchor=\"end\">{Escape(Visible(target[r]))}</text>\n");
            for (int c = 0; c < cols; c++)
            {
                float w = Math.Clamp(a[r, c], 0f, 1f);   // weights are in [0, 1] already; clamping only guards the colour
                int shade = (int)MathF.Round(255 * (1 - w));
                int x = LabelWidth + c * Cell;
                svg.Append(inv, $"<rect x=\"{x}\" y=\"{y}\" width=\"{Cell}\" height=\"{Cell}\" fill=\"rgb({shade},{shade},255)\" stroke=\"#ddd\"><title>{Escape(Visible(target[r]))} ← {Escape(Visible(source[c]))}: {a[r, c]:F3}</title></rect>\n");
                svg.Append(inv, $"<text x=\"{x + Cell / 2}\" y=\"{y + Cell / 2 + 3}\" text-anchor=\"middle\" font-size=\"9\" fill=\"{(w > 0.5f ? "white" : "#555")}\">{a[r, c]:0.00}</text>\n");
            }
        }
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>Writes <see cref="ToSvg"/> to <paramref name="path"/> (UTF-8).</summary>
    public static void Write(Translation translation, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        File.WriteAllText(path, ToSvg(translation), new UTF8Encoding(false));
    }

    private static string Visible(string token) => token == " " ? "␣" : token;

    private static string Escape(string s) => SecurityElement.Escape(s) ?? "";
}
