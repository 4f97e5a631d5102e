using System.CommandLine;

namespace Microsoft.ML.Recurrent.Cli;

/// <summary>The <c>recurrent</c> command line: builds the root command from the command classes, nothing else.</summary>
public static class Program
{
    /// <summary>Runs the command line.</summary>
    public static int Main(string[] args)
    {
        var root = new RootCommand("recurrent: language models, text featurizers and sequence models for .NET");
        root.Subcommands.Add(Commands.TokenizeCommand.Create());
        root.Subcommands.Add(Commands.StemCommand.Create());
        root.Subcommands.Add(Commands.LmCommand.Create());
        root.Subcommands.Add(Commands.NGramCommand.Create());
        root.Subcommands.Add(Commands.TranslateCommand.Create());
        return root.Parse(args).Invoke();
    }
}
