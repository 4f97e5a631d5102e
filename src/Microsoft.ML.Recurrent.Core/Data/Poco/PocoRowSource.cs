namespace Microsoft.ML;

/// <summary>The object a row getter currently reads (set by a cursor or a prediction engine) and its row number.</summary>
internal sealed class PocoRowSource<TRow>
    where TRow : class
{
    public TRow Current = null!;

    public long Position = -1;
}
