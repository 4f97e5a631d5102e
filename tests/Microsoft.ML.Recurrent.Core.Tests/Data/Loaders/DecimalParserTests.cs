using System.Globalization;
using Microsoft.ML.Data;

namespace Microsoft.ML.Recurrent.Core.Tests.Data.Loaders;

/// <summary>The fast decimal path must give exactly what float.Parse / double.Parse give (the slow twin).</summary>
public sealed class DecimalParserTests
{
    private static void AssertSameAsBcl(string text)
    {
        bool expectedOk = float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out float expected);
        bool ok = DecimalParser.TryParseSingle(text, out float actual);
        Assert.True(expectedOk == ok, $"'{text}': BCL parsed={expectedOk}, fast parsed={ok}");
        if (ok)
            Assert.True(BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(actual), $"'{text}': BCL {expected:R}, fast {actual:R}");
        bool expectedDoubleOk = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double expectedDouble);
        bool doubleOk = DecimalParser.TryParseDouble(text, out double actualDouble);
        Assert.Equal(expectedDoubleOk, doubleOk);
        if (doubleOk)
            Assert.True(BitConverter.DoubleToInt64Bits(expectedDouble) == BitConverter.DoubleToInt64Bits(actualDouble), $"'{text}': BCL {expectedDouble:R}, fast {actualDouble:R}");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("-0.0")]
    [InlineData("1")]
    [InlineData("+1.5")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("1e10")]
    [InlineData("1E-10")]
    [InlineData("123456789012345")]
    [InlineData("1234567890123456789")]
    [InlineData("0.000000000000000000000000000000000000001")]
    [InlineData("1e-45")]
    [InlineData("3.4028235e38")]
    [InlineData("3.5e38")]
    [InlineData("NaN")]
    [InlineData("-Infinity")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("e5")]
    [InlineData("1e")]
    [InlineData("1e+")]
    [InlineData("1.2.3")]
    [InlineData("0x10")]
    [InlineData("16777217")]
    [InlineData("0.1")]
    [InlineData("2.5e-23")]
    public void Parse_MatchesBcl_OnEdgeCases(string text) => AssertSameAsBcl(text);

    [Fact]
    public void Parse_MatchesBcl_OnRandomFloatsInEveryFormat()
    {
        var random = new Random(12345);
        string[] formats = ["R", "G", "G6", "F3", "E4", "0.##########"];
        for (int i = 0; i < 100_000; i++)
        {
            float f = BitConverter.Int32BitsToSingle(random.Next()) * (random.Next(2) == 0 ? 1 : -1);
            if (!float.IsFinite(f))
                continue;
            AssertSameAsBcl(f.ToString(formats[i % formats.Length], CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Parse_MatchesBcl_OnRandomDecimalStrings()
    {
        var random = new Random(54321);
        for (int i = 0; i < 100_000; i++)
        {
            int intDigits = random.Next(0, 10), fracDigits = random.Next(0, 10);
            string text = (random.Next(3) == 0 ? "-" : "")
                + string.Concat(Enumerable.Range(0, intDigits).Select(_ => (char)('0' + random.Next(10))))
                + (fracDigits > 0 ? "." + string.Concat(Enumerable.Range(0, fracDigits).Select(_ => (char)('0' + random.Next(10)))) : "")
                + (random.Next(4) == 0 ? "e" + random.Next(-30, 30).ToString(CultureInfo.InvariantCulture) : "");
            AssertSameAsBcl(text);
        }
    }

    [Fact]
    public void Parse_MatchesBcl_OnFloatHalfwayCases()
    {
        // Exact midpoints between adjacent floats, written with 17 significant digits: the double-rounding trap.
        var random = new Random(7);
        for (int i = 0; i < 20_000; i++)
        {
            float f = BitConverter.Int32BitsToSingle(random.Next(0x00800000, 0x7F000000));
            double midpoint = ((double)f + (double)MathF.BitIncrement(f)) / 2;
            AssertSameAsBcl(midpoint.ToString("R", CultureInfo.InvariantCulture));
            AssertSameAsBcl(midpoint.ToString("E14", CultureInfo.InvariantCulture));
        }
    }
}
