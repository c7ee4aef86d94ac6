using Ecommerce.DaprLocal.Resources;

namespace Ecommerce.DaprLocal.Secrets;

/// <summary>The secret store types DaprLocal runs. Types match case-insensitively, as daprd's registry does.</summary>
public static class SecretStoreFactory
{
    private const string LocalFile = "secretstores.local.file";
    private const string LocalEnv = "secretstores.local.env";

    public static bool IsSupported(string type) =>
        string.Equals(type, LocalFile, StringComparison.OrdinalIgnoreCase)
        || string.Equals(type, LocalEnv, StringComparison.OrdinalIgnoreCase);

    /// <summary>A store for <paramref name="component"/>, not yet initialised.</summary>
    public static ISecretStore Create(ComponentDefinition component, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(component);
        if (!IsSupported(component.Type))
        {
            throw new ComponentConfigurationException(component,
                $"secret store type '{component.Type}' is not supported by DaprLocal (supported: {LocalFile}, {LocalEnv}).");
        }
        RequireVersionOne(component);
        return string.Equals(component.Type, LocalFile, StringComparison.OrdinalIgnoreCase)
            ? new LocalFileSecretStore(component)
            : new EnvSecretStore(component, loggerFactory?.CreateLogger<EnvSecretStore>());
    }

    /// <summary>Both stores exist only as v1; daprd treats an empty version and v0 as v1 too.</summary>
    private static void RequireVersionOne(ComponentDefinition component)
    {
        if (component.Version is not ("" or "v0" or "v1" or "V0" or "V1"))
        {
            throw new ComponentConfigurationException(component, $"version '{component.Version}' does not exist for {component.Type}; use v1.");
        }
    }
}
