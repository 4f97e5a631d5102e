namespace Microsoft.ML.Recurrent.Testing;

/// <summary>
/// Locates the public data sets in <c>../shared/data</c> beside the repository (on every developer
/// machine and in CI). The project never copies them; tests read them in place.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    /// <summary>The repository root: the folder holding <c>Microsoft.ML.Recurrent.sln</c>.</summary>
    public static string RepositoryRoot => System.IO.Path.GetDirectoryName(s_root.Value)!;

    /// <summary>Absolute path of <c>../shared/data</c>.</summary>
    public static string Directory => System.IO.Path.GetFullPath(System.IO.Path.Combine(RepositoryRoot, "..", "shared", "data"));

    /// <summary>Absolute path of a file under the shared data folder, e.g. <c>Path("ptb", "ptb.train.txt")</c>.</summary>
    /// <exception cref="FileNotFoundException">The file is not there; the message says where it was looked for.</exception>
    public static string Path(params string[] parts)
    {
        string path = System.IO.Path.Combine([Directory, .. parts]);
        if (!File.Exists(path))
            throw new FileNotFoundException($"Shared data file '{path}' not found: the tests expect ../shared/data beside the repository.", path);
        return path;
    }

    // Returns a path inside the repository root (the root itself + a marker) so that ".." resolves beside it.
    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Microsoft.ML.Recurrent.sln")))
                return System.IO.Path.Combine(dir.FullName, "Microsoft.ML.Recurrent.sln");
        }
        throw new InvalidOperationException($"Microsoft.ML.Recurrent.sln not found above '{AppContext.BaseDirectory}'.");
    }
}
