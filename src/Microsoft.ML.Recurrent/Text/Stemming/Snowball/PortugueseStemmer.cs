namespace Microsoft.ML.Recurrent.Text.Stemming.Snowball;

internal sealed class PortugueseStemmer : Stemmer
{
    public override StemmerLanguage Language => StemmerLanguage.Portuguese;

    private protected override void StemCore(ref StemBuffer w)
    {
    }
}
