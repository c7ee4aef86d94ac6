using Ecommerce.DaprLocal.Api;
using Ecommerce.DaprLocal.Resources;

namespace Ecommerce.DaprLocal.Runtime;

/// <summary>
/// How a state component turns an app's key into the stored key (component metadata
/// <c>keyPrefix</c>): <c>appid</c> (default) → <c>appid||key</c>, <c>name</c> → <c>store||key</c>,
/// <c>namespace</c> → <c>ns.appid||key</c>, <c>none</c> → the key itself, anything else → <c>that||key</c>.
/// </summary>
public sealed class StateKeyPrefix
{
    public const string Separator = "||";

    private readonly string? _prefix;

    private StateKeyPrefix(string? prefix) => _prefix = prefix;

    public static StateKeyPrefix For(ComponentDefinition component, string appId)
    {
        ArgumentNullException.ThrowIfNull(component);
        var strategy = component.Get("keyPrefix") ?? "appid";
        var ns = Environment.GetEnvironmentVariable("NAMESPACE");
        var prefix = strategy.ToLowerInvariant() switch
        {
            "appid" => appId,
            "name" => component.Name,
            "namespace" => string.IsNullOrEmpty(ns) ? appId : $"{ns}.{appId}",
            "none" => null,
            _ => strategy,
        };
        if (prefix is not null && prefix.Contains(Separator, StringComparison.Ordinal))
        {
            throw new ComponentConfigurationException(component, $"keyPrefix '{prefix}' can't contain '{Separator}'.");
        }
        return new StateKeyPrefix(prefix);
    }

    /// <summary>The prefix every stored key of this app starts with ("" for <c>none</c>).</summary>
    public string KeyPrefix => _prefix is null ? "" : _prefix + Separator;

    public string ToStoredKey(string key)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw DaprErrors.Malformed("state key is empty");
        }
        if (key.Contains(Separator, StringComparison.Ordinal))
        {
            throw DaprErrors.KeyWithSeparator(key);
        }
        return KeyPrefix + key;
    }

    /// <summary>The app's key back from a stored key: daprd keeps the part after the first separator.</summary>
    public string ToAppKey(string storedKey)
    {
        ArgumentNullException.ThrowIfNull(storedKey);
        if (_prefix is null)
        {
            return storedKey;
        }
        var index = storedKey.IndexOf(Separator, StringComparison.Ordinal);
        return index < 0 ? storedKey : storedKey[(index + Separator.Length)..];
    }
}
