using System.Globalization;

namespace Microsoft.ML.Data;

/// <summary>
/// Parses plain decimal numbers ("-12.5", "3e-4") fast and exactly like <see cref="float.Parse(string)"/> and
/// <see cref="double.Parse(string)"/>, falling back to them for anything else (more than 15 significant digits,
/// large exponents, "NaN", whitespace, halfway cases). The BCL parser costs most of the time of loading a
/// numeric text file; this path is a few multiplications.
/// </summary>
internal static class DecimalParser
{
    // 10^0 .. 10^22 are exact in double precision (Clinger 1990, "How to read floating point numbers accurately").
    private static readonly double[] s_powers =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    // The smallest normal float, 2^-126; below it float spacing changes and the midpoint test does not apply.
    private const double FloatMinNormal = 1.1754943508222875e-38;

    public static bool TryParseSingle(ReadOnlySpan<char> text, out float value)
    {
        if (TryFastDouble(text, out double d))
        {
            // d is the correctly rounded double of the exact value x. A float rounding midpoint is itself a double, so
            // x and d round to the same float unless d sits exactly on a midpoint; that case (and subnormals) goes to the BCL.
            long bits = BitConverter.DoubleToInt64Bits(d);
            double magnitude = Math.Abs(d);
            if ((magnitude == 0 || magnitude >= FloatMinNormal) && (bits & 0x1FFFFFFF) != 0x10000000)
            {
                value = (float)d;
                return true;
            }
        }
        return float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryParseDouble(ReadOnlySpan<char> text, out double value)
        => TryFastDouble(text, out value) || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    // Succeeds only when the result is certainly the correctly rounded double: an integer mantissa below 2^53 and
    // a power of ten in 10^-22 .. 10^22 give one exact operand each and a single IEEE rounding.
    private static bool TryFastDouble(ReadOnlySpan<char> text, out double value)
    {
        value = 0;
        int i = 0;
        bool negative = false;
        if (i < text.Length && (text[i] == '-' || text[i] == '+'))
        {
            negative = text[i] == '-';
            i++;
        }
        ulong mantissa = 0;
        int digits = 0;
        int scale = 0;
        int start = i;
        while (i < text.Length && (uint)(text[i] - '0') <= 9)
        {
            if (mantissa != 0 || text[i] != '0')
                digits++;
            mantissa = mantissa * 10 + (uint)(text[i] - '0');
            i++;
            if (digits > 15)
                return false;
        }
        bool anyDigit = i > start;
        if (i < text.Length && text[i] == '.')
        {
            i++;
            int fractionStart = i;
            while (i < text.Length && (uint)(text[i] - '0') <= 9)
            {
                if (mantissa != 0 || text[i] != '0')
                    digits++;
                mantissa = mantissa * 10 + (uint)(text[i] - '0');
                scale--;
                i++;
                if (digits > 15)
                    return false;
            }
            anyDigit |= i > fractionStart;
        }
        if (!anyDigit)
            return false;
        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            bool negativeExponent = false;
            if (i < text.Length && (text[i] == '-' || text[i] == '+'))
            {
                negativeExponent = text[i] == '-';
                i++;
            }
            int exponentStart = i;
            int exponent = 0;
            while (i < text.Length && (uint)(text[i] - '0') <= 9)
            {
                exponent = exponent * 10 + (text[i] - '0');
                i++;
                if (exponent > 1000)
                    return false;
            }
            if (i == exponentStart)
                return false;
            scale += negativeExponent ? -exponent : exponent;
        }
        if (i != text.Length)
            return false;
        if (mantissa == 0)
        {
            value = negative ? -0.0 : 0.0;
            return true;
        }
        if (scale < -22 || scale > 22)
            return false;
        double m = mantissa;
        value = scale >= 0 ? m * s_powers[scale] : m / s_powers[-scale];
        if (negative)
            value = -value;
        return true;
    }
}
