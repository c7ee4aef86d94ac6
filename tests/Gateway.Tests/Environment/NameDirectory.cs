namespace Ecommerce.Gateway.Tests.Environment;

/// <summary>
/// DaprLocal sidecars find each other through a per-user directory on disk, whatever their
/// <c>SharedRuntime</c>. These tests run services under their real app ids (catalog, identity, ...),
/// as other test projects' stand-ins do: a directory of this test run's own keeps another project
/// running at the same time from answering for them. Within this run, tests do not run in parallel.
/// </summary>
internal static class NameDirectory
{
    private const string Variable = "DAPRLOCAL_DIRECTORY";

    public static void UseOwn()
    {
        var own = Path.Combine(AppContext.BaseDirectory, "daprlocal-directory");
        if (System.Environment.GetEnvironmentVariable(Variable) != own)
        {
            System.Environment.SetEnvironmentVariable(Variable, own);
        }
    }
}
