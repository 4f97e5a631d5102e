namespace Microsoft.ML.Runtime;

/// <summary>Severity of a log message (<see cref="LoggingEventArgs.Kind"/>).</summary>
public enum ChannelMessageKind
{
    /// <summary>Detailed progress (e.g. per-epoch start/finish).</summary>
    Trace = 0,

    /// <summary>Useful information (e.g. validation results).</summary>
    Info = 1,

    /// <summary>Something may be wrong.</summary>
    Warning = 2,

    /// <summary>Something went wrong.</summary>
    Error = 3,
}
