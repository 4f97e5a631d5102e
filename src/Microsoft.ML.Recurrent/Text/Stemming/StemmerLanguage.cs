namespace Microsoft.ML.Recurrent.Text.Stemming;

/// <summary>
/// The languages <see cref="Stemmer"/> supports, each a Snowball algorithm (snowballstem.org).
/// </summary>
/// <remarks>
/// Saved models store the member <em>name</em> (for example <c>"English"</c>), not the number; the explicit values only
/// keep the numbering stable for callers who persist it themselves.
/// </remarks>
public enum StemmerLanguage
{
    /// <summary>English: Snowball's English stemmer, also known as Porter2 (the revision of Porter's 1980 algorithm).</summary>
    English = 0,

    /// <summary>English with Porter's original 1980 algorithm, as published in Snowball (for indexes built with it).</summary>
    Porter = 1,

    /// <summary>Russian (Cyrillic input; <c>ё</c> is folded to <c>е</c>).</summary>
    Russian = 2,

    /// <summary>German (umlauts, <c>ß</c>, and the <c>ae</c>/<c>oe</c>/<c>ue</c> spellings of umlauts).</summary>
    German = 3,

    /// <summary>French.</summary>
    French = 4,

    /// <summary>Spanish.</summary>
    Spanish = 5,

    /// <summary>Italian.</summary>
    Italian = 6,

    /// <summary>Portuguese.</summary>
    Portuguese = 7,

    /// <summary>Dutch: Martin Porter's Dutch algorithm (Snowball's <c>dutch_porter</c>).</summary>
    Dutch = 8,

    /// <summary>Swedish.</summary>
    Swedish = 9,

    /// <summary>Norwegian (Bokmål).</summary>
    Norwegian = 10,

    /// <summary>Danish.</summary>
    Danish = 11,

    /// <summary>Finnish.</summary>
    Finnish = 12,
}
