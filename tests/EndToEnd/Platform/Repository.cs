namespace Ecommerce.EndToEnd.Tests.Platform;

/// <summary>Where the repository and its projects' build output are, seen from this test's output directory.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration of this test assembly, which ./test.sh builds the whole solution in.</summary>
    private static string Configuration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    /// <summary>The main assembly of a project (folder relative to the repository, project name): Ecommerce.&lt;name&gt;.dll.</summary>
    public static string BuildOutput(string projectFolder, string projectName)
    {
        var assembly = Path.Combine(Root, projectFolder, "bin", Configuration, "net10.0", $"Ecommerce.{projectName}.dll");
        return File.Exists(assembly)
            ? assembly
            : throw new InvalidOperationException($"{assembly} does not exist: build the solution first (./test.sh does).");
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "dapr.yaml")) && File.Exists(Path.Combine(directory.FullName, "Ecommerce.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("The repository (dapr.yaml, Ecommerce.sln) was not found above the test's output directory.");
    }
}
