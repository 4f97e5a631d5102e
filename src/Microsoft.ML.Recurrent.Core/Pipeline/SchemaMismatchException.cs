namespace Microsoft.ML.Data;

/// <summary>
/// A pipeline step found a column missing or of the wrong type. The message names the step, the column, the
/// expected type and the actual one. Derives from <see cref="ArgumentOutOfRangeException"/> as ML.NET's schema
/// errors do.
/// </summary>
public sealed class SchemaMismatchException : ArgumentOutOfRangeException
{
    private readonly string _message;

    /// <summary>Creates the error for <paramref name="step"/> reading <paramref name="columnName"/>.</summary>
    /// <param name="step">The pipeline step, e.g. <c>"NormalizeText"</c> or <c>"step 2 (NormalizeText)"</c>.</param>
    /// <param name="columnName">The input column.</param>
    /// <param name="expected">What the step accepts, e.g. <c>"String or Vector&lt;String&gt;"</c>.</param>
    /// <param name="actual">What it found, e.g. <c>"Single"</c>, or <c>"missing"</c>.</param>
    /// <param name="innerException">The error being wrapped, if any.</param>
    public SchemaMismatchException(string step, string columnName, string expected, string actual, Exception? innerException = null)
        : base(BuildMessage(step, columnName, expected, actual), innerException)
    {
        Step = step;
        ColumnName = columnName;
        Expected = expected;
        Actual = actual;
        _message = BuildMessage(step, columnName, expected, actual);
    }

    /// <summary>The pipeline step that rejected the column.</summary>
    public string Step { get; }

    /// <summary>The column.</summary>
    public string ColumnName { get; }

    /// <summary>The accepted type(s).</summary>
    public string Expected { get; }

    /// <summary>The type found, or <c>"missing"</c>.</summary>
    public string Actual { get; }

    /// <inheritdoc/>
    public override string Message => _message;

    /// <summary>The error for a column that is not in the schema at all.</summary>
    public static SchemaMismatchException Missing(string step, string columnName, string expected, DataViewSchema schema)
        => new(step, columnName, expected, $"missing (available: {schema.DescribeNames()})");

    /// <summary>The same error attributed to a step of a chain: <c>"step {index} ({inner step})"</c>.</summary>
    public SchemaMismatchException InStep(int index, int count)
        => new($"step {index + 1} of {count} ({Step})", ColumnName, Expected, Actual, this);

    private static string BuildMessage(string step, string column, string expected, string actual)
        => $"Schema mismatch in {step} for input column '{column}': expected {expected}, got {actual}.";
}
