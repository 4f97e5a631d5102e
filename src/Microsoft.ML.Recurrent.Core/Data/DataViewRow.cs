using Microsoft.ML.Data;

namespace Microsoft.ML;

/// <summary>One row of a data view, read through typed getters. Getters read the row the owner is on now.</summary>
public abstract class DataViewRow : IDisposable
{
    /// <summary>Position of the row: -1 before the first row and after the last.</summary>
    public abstract long Position { get; }

    /// <summary>Batch number, non-decreasing per cursor.</summary>
    public abstract long Batch { get; }

    /// <summary>The schema (all columns, active or not).</summary>
    public abstract DataViewSchema Schema { get; }

    /// <summary>True when the column's values can be read from this row.</summary>
    public abstract bool IsColumnActive(DataViewSchema.Column column);

    /// <summary>The getter of <paramref name="column"/>.</summary>
    /// <exception cref="InvalidOperationException">The column is inactive, or <typeparamref name="TValue"/> is not its raw type.</exception>
    public abstract ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column);

    /// <summary>A getter of the row's unique identifier.</summary>
    public abstract ValueGetter<DataViewRowId> GetIdGetter();

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases resources; <paramref name="disposing"/> is false from a finalizer.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}
