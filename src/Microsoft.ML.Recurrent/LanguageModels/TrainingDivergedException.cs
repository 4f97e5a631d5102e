namespace Microsoft.ML.Recurrent.LanguageModels;

/// <summary>
/// Training stopped because the loss or the gradient became NaN or infinite; the parameters are those before the
/// failing step and checkpoints on disk are the last good ones.
/// </summary>
public sealed class TrainingDivergedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TrainingDivergedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    public TrainingDivergedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public TrainingDivergedException()
    {
    }
}
