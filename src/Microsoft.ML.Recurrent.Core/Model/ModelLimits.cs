namespace Microsoft.ML;

/// <summary>Bounds applied to every model.zip read, so a damaged or hostile file cannot exhaust memory or time.</summary>
internal static class ModelLimits
{
    /// <summary>The manifest is small JSON; 64 MB leaves room for large settings (vocabularies belong in tensors).</summary>
    public const long MaxManifestBytes = 64L << 20;

    /// <summary>One tensor entry is read into one byte array, so it must fit .NET's largest array.</summary>
    public const long MaxTensorEntryBytes = 0x7FFFFFC7;

    /// <summary>The safetensors JSON header (names, dtypes, shapes): 100 MB as in the reference implementation.</summary>
    public const long MaxTensorHeaderBytes = 100L << 20;

    /// <summary>Nesting of components (chains of chains).</summary>
    public const int MaxDepth = 32;

    /// <summary>Entries larger than this (1 MB) must not expand more than <see cref="MaxCompressionRatio"/> times.</summary>
    public const long BombCheckBytes = 1L << 20;

    /// <summary>Largest accepted compression ratio of a large entry.</summary>
    public const long MaxCompressionRatio = 100;

    /// <summary>Entries in one archive.</summary>
    public const int MaxEntries = 100_000;
}
