namespace Microsoft.ML;

/// <summary>Maps one input row to one output row; output values are recomputed when their getters are called.</summary>
public interface IRowToRowMapper
{
    /// <summary>The schema the mapper was bound to.</summary>
    DataViewSchema InputSchema { get; }

    /// <summary>The schema of the rows it produces.</summary>
    DataViewSchema OutputSchema { get; }

    /// <summary>The input columns needed to compute <paramref name="dependingColumns"/> of the output.</summary>
    IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns);

    /// <summary>
    /// A row over <paramref name="input"/> (which must have the dependencies active) where
    /// <paramref name="activeColumns"/> of <see cref="OutputSchema"/> can be read.
    /// </summary>
    DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns);
}
