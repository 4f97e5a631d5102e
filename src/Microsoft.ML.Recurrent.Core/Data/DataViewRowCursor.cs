namespace Microsoft.ML;

/// <summary>A row that moves forward through a data view.</summary>
public abstract class DataViewRowCursor : DataViewRow
{
    /// <summary>Moves to the next row; false at the end.</summary>
    public abstract bool MoveNext();
}
