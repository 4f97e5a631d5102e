namespace Microsoft.ML.Recurrent.Text.Stemming.Snowball;

/// <summary>
/// A language's vowel set as a type, so <see cref="Regions"/> is specialised per language by the JIT (no delegate
/// call per character).
/// </summary>
internal interface IVowels
{
    /// <summary>True when <paramref name="c"/> is a vowel of the language.</summary>
    static abstract bool IsVowel(char c);
}
