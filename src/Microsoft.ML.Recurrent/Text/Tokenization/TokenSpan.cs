namespace Microsoft.ML.Recurrent.Text;

/// <summary>Where a token lies in its text, in UTF-16 code units: <c>text.Slice(Start, Length)</c>.</summary>
/// <param name="Start">Index of the token's first code unit.</param>
/// <param name="Length">Number of code units (at least 1).</param>
public readonly record struct TokenSpan(int Start, int Length)
{
    /// <summary>Index just after the token's last code unit.</summary>
    public int End => Start + Length;
}
