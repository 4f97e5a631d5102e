using Microsoft.ML.Runtime;

namespace Microsoft.ML;

/// <summary>A message sent to <see cref="MLContext.Log"/>.</summary>
public sealed class LoggingEventArgs : EventArgs
{
    /// <summary>A message of kind <see cref="ChannelMessageKind.Info"/> with no source.</summary>
    public LoggingEventArgs(string message)
    {
        RawMessage = message;
        Message = message;
        Kind = ChannelMessageKind.Info;
        Source = string.Empty;
    }

    /// <summary>A message of <paramref name="kind"/> from <paramref name="source"/>; <see cref="Message"/> is <c>"[Source={source}, Kind={kind}] {message}"</c>.</summary>
    public LoggingEventArgs(string message, ChannelMessageKind kind, string source)
    {
        RawMessage = message;
        Kind = kind;
        Source = source;
        Message = $"[Source={source}, Kind={kind}] {message}";
    }

    /// <summary>The formatted message.</summary>
    public string Message { get; }

    /// <summary>The message as the component wrote it.</summary>
    public string RawMessage { get; }

    /// <summary>Severity.</summary>
    public ChannelMessageKind Kind { get; }

    /// <summary>The component that wrote it.</summary>
    public string Source { get; }
}
