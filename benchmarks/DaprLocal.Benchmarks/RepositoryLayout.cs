using System.Reflection;

namespace Ecommerce.DaprLocal.Benchmarks;

/// <summary>Where things are in the repository this benchmark was built from.</summary>
internal static class RepositoryLayout
{
    /// <summary>The Configuration this program was built with (Release, Debug).</summary>
    public static string BuildConfiguration =>
        typeof(RepositoryLayout).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "unknown";

    /// <summary>The directory holding Ecommerce.sln above this program's output, or null.</summary>
    public static string? Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Ecommerce.sln")))
            {
                return directory.FullName;
            }
        }
        return null;
    }

    /// <summary>
    /// The DaprLocal build to run as a child: the one of this program's configuration (the project
    /// reference has just built it), else the Debug one the solution build leaves.
    /// </summary>
    public static string? DaprLocalDll()
    {
        if (Root() is not { } root)
        {
            return null;
        }
        return new[] { BuildConfiguration, "Debug", "Release" }
            .Distinct(StringComparer.Ordinal)
            .Select(configuration => Path.Combine(root, "tools", "DaprLocal", "bin", configuration, "net10.0", "Ecommerce.DaprLocal.dll"))
            .FirstOrDefault(File.Exists);
    }
}
