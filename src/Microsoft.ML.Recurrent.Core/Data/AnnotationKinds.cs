namespace Microsoft.ML.Data;

/// <summary>Names of the standard column annotations.</summary>
public static class AnnotationKinds
{
    /// <summary>On a key column: the dictionary, a vector of <see cref="KeyDataViewType.Count"/> values; key k ↔ item k−1.</summary>
    public const string KeyValues = "KeyValues";

    /// <summary>On a known-size vector column: a text vector naming each slot.</summary>
    public const string SlotNames = "SlotNames";
}
