using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Ecommerce.ServiceDefaults;

/// <summary>Who this process is: the Dapr app id (set as APP_ID by the Dapr CLI and DaprLocal).</summary>
public static class ServiceIdentity
{
    public static string AppId(IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return AppId(builder.Configuration, builder.Environment);
    }

    public static string AppId(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var appId = configuration["APP_ID"];
        return string.IsNullOrWhiteSpace(appId) ? environment.ApplicationName.ToLowerInvariant() : appId;
    }
}
