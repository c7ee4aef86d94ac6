using System.Collections;
using Ecommerce.DaprLocal.Resources;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ecommerce.DaprLocal.Secrets;

/// <summary>
/// <c>secretstores.local.env</c>: the sidecar process's environment variables, read at each call.
/// With <c>prefix</c> a key <c>FOO</c> reads <c>PREFIX_FOO</c> and bulk lists only prefixed variables,
/// named without the prefix. As in daprd, a variable that is not set reads as an empty value, and
/// <c>APP_API_TOKEN</c> and <c>DAPR_*</c> are never exposed.
/// </summary>
public sealed partial class EnvSecretStore : ISecretStore
{
    private readonly string _prefix;
    private readonly ILogger _logger;

    public EnvSecretStore(ComponentDefinition component, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(component);
        _prefix = component.Get("prefix") ?? "";
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Environment names are case-insensitive on Windows only; the prefix follows the OS.</summary>
    private static StringComparison NameComparison =>
        OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyDictionary<string, string>?> GetAsync(
        string key, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var name = _prefix + key;
        var value = "";
        if (IsAllowed(name))
        {
            value = Environment.GetEnvironmentVariable(name) ?? "";
        }
        else
        {
            LogForbidden(_logger, key);
        }
        return Task.FromResult<IReadOnlyDictionary<string, string>?>(
            new Dictionary<string, string>(StringComparer.Ordinal) { [key] = value });
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> GetBulkAsync(
        IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        var secrets = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            var name = (string)variable.Key;
            if (_prefix.Length > 0 && (name.Length <= _prefix.Length || !name.StartsWith(_prefix, NameComparison)))
            {
                continue;
            }
            if (!IsAllowed(name))
            {
                continue;
            }
            var secretName = name[_prefix.Length..];
            secrets[secretName] = new Dictionary<string, string>(StringComparer.Ordinal) { [secretName] = (string?)variable.Value ?? "" };
        }
        return Task.FromResult<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>>(secrets);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Access to environment variable {Name} is forbidden")]
    private static partial void LogForbidden(ILogger logger, string name);

    /// <summary>The sidecar's own token and configuration must not leak through a secret store.</summary>
    private static bool IsAllowed(string name) =>
        !name.Equals("APP_API_TOKEN", StringComparison.OrdinalIgnoreCase)
        && !name.StartsWith("DAPR_", StringComparison.OrdinalIgnoreCase);
}
