namespace Microsoft.ML.Transforms.Text;

/// <summary>Removes the stop words of a language from a vector of tokens (<c>mlContext.Transforms.Text.RemoveDefaultStopWords</c>).</summary>
public sealed partial class StopWordsRemovingEstimator
{
    /// <summary>
    /// Languages with a built-in stop-word list. Values 0..15 are ML.NET's; Finnish and Hungarian are additions of
    /// this project. Model files store the name, not the number.
    /// </summary>
    public enum Language
    {
        /// <summary>English.</summary>
        English = 0,
        /// <summary>French.</summary>
        French = 1,
        /// <summary>German.</summary>
        German = 2,
        /// <summary>Dutch.</summary>
        Dutch = 3,
        /// <summary>Danish.</summary>
        Danish = 4,
        /// <summary>Swedish.</summary>
        Swedish = 5,
        /// <summary>Italian.</summary>
        Italian = 6,
        /// <summary>Spanish.</summary>
        Spanish = 7,
        /// <summary>Portuguese (Portugal).</summary>
        Portuguese = 8,
        /// <summary>Portuguese (Brazil).</summary>
        Portuguese_Brazilian = 9,
        /// <summary>Norwegian Bokmål (the list also holds frequent Nynorsk forms).</summary>
        Norwegian_Bokmal = 10,
        /// <summary>Russian.</summary>
        Russian = 11,
        /// <summary>Polish.</summary>
        Polish = 12,
        /// <summary>Czech.</summary>
        Czech = 13,
        /// <summary>Arabic.</summary>
        Arabic = 14,
        /// <summary>Japanese.</summary>
        Japanese = 15,
        /// <summary>Finnish (not in ML.NET).</summary>
        Finnish = 16,
        /// <summary>Hungarian (not in ML.NET).</summary>
        Hungarian = 17,
    }
}
