using Microsoft.ML.Data;

namespace Microsoft.ML;

public sealed partial class DataOperationsCatalog
{
    /// <summary>A training set and a test set (see <see cref="TrainTestSplit"/>).</summary>
    public readonly struct TrainTestData
    {
        internal TrainTestData(IDataView trainSet, IDataView testSet)
        {
            TrainSet = trainSet;
            TestSet = testSet;
        }

        /// <summary>The rows for training.</summary>
        public IDataView TrainSet { get; }

        /// <summary>The rows for testing.</summary>
        public IDataView TestSet { get; }
    }

    /// <summary>
    /// Splits rows into a training and a test set: each row goes to the test set with probability
    /// <paramref name="testFraction"/> (0 &lt; f &lt; 1, default 0.1), decided by a hash of <paramref name="seed"/> (default:
    /// drawn from the context's seed) and the row number, or the value of <paramref name="samplingKeyColumnName"/>
    /// (rows sharing a key go to the same side). Lazy and streaming; both sets are stable across passes.
    /// </summary>
    public TrainTestData TrainTestSplit(IDataView data, double testFraction = 0.1, string? samplingKeyColumnName = null, int? seed = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!(testFraction > 0 && testFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "testFraction must be strictly between 0 and 1.");
        ulong salt = (ulong)(uint)(seed ?? Context.CreateRandom().Next());
        DataViewSchema.Column? key = samplingKeyColumnName is null ? null
            : data.Schema.GetColumnOrNull(samplingKeyColumnName) ?? throw SchemaMismatchException.Missing("TrainTestSplit", samplingKeyColumnName, "a sampling key column", data.Schema);
        IDataView Side(bool test)
        {
            DataViewSchema.Column[] needed = key is null ? [] : [key.Value];
            return new RowFilterDataView(data, needed, row =>
            {
                Func<ulong> hash = key is null ? () => RowHash.Mix(RowHash.Mix(salt) ^ (ulong)row.Position) : RowHash.MakeHasher(row, key.Value, salt);
                return () => (RowHash.ToUnit(hash()) < testFraction) == test;
            });
        }
        return new TrainTestData(Side(test: false), Side(test: true));
    }

    /// <summary>
    /// The rows in a random order fixed by <paramref name="seed"/> (default: drawn from the context's seed); every pass
    /// gives the same order. Views that cannot shuffle themselves (text files) are cached in memory first.
    /// </summary>
    public IDataView ShuffleRows(IDataView input, int? seed = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new ShuffledDataView(input, seed ?? Context.CreateRandom().Next());
    }

    /// <summary>Skips the first <paramref name="count"/> rows (streamed).</summary>
    public IDataView SkipRows(IDataView input, long count)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return new RowRangeDataView(input, count, long.MaxValue);
    }

    /// <summary>Keeps the first <paramref name="count"/> rows (streamed; reading stops there).</summary>
    public IDataView TakeRows(IDataView input, long count)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return new RowRangeDataView(input, 0, count);
    }
}
