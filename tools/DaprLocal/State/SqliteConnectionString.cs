using System.Text.RegularExpressions;
using Ecommerce.DaprLocal.Resources;
using Microsoft.AspNetCore.WebUtilities;

namespace Ecommerce.DaprLocal.State;

/// <summary>
/// A <c>state.sqlite</c> connection string read the way daprd reads it: a path, or a <c>file:</c> URI whose
/// query holds SQLite's own URI parameters (<c>mode</c>, <c>cache</c>, <c>immutable</c>, <c>vfs</c>: passed on to
/// SQLite, first value only) and the driver's options. <c>_pragma=name(value)</c> (repeatable) runs on every
/// connection the store opens, e.g. <c>_pragma=synchronous(NORMAL)</c>. The three pragmas daprd sets from
/// metadata are refused, as daprd refuses them: <c>busy_timeout</c> (use <c>busyTimeout</c>),
/// <c>journal_mode</c> (use <c>disableWAL</c>) and <c>foreign_keys</c>. <c>_txlock</c> is read; writes here
/// always begin IMMEDIATE, daprd's default.
/// </summary>
internal sealed partial record SqliteConnectionString(string DataSource, IReadOnlyList<string> Pragmas, string? TransactionLock)
{
    private static readonly Dictionary<string, string> ReservedPragmas = new(StringComparer.OrdinalIgnoreCase)
    {
        ["busy_timeout"] = "use the 'busyTimeout' metadata property instead",
        ["journal_mode"] = "use the 'disableWAL' metadata property instead",
        ["foreign_keys"] = "daprd does not allow it",
    };

    public static SqliteConnectionString Parse(ComponentDefinition component, string connectionString)
    {
        var queryStart = connectionString.IndexOf('?', StringComparison.Ordinal);
        if (queryStart <= 0)
        {
            return new SqliteConnectionString(connectionString, [], null);
        }

        var pragmas = new List<string>();
        string? transactionLock = null;
        var sqliteParameters = new List<string>();
        foreach (var (name, values) in QueryHelpers.ParseQuery(connectionString[queryStart..]))
        {
            switch (name)
            {
                case "_pragma":
                    pragmas.AddRange(values.Select(pragma => Pragma(component, pragma ?? "")));
                    break;
                case "_txlock":
                    transactionLock = values[0]?.ToLowerInvariant();
                    break;
                default:
                    sqliteParameters.Add($"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(values[0] ?? "")}");
                    break;
            }
        }

        var path = connectionString[..queryStart];
        var uri = path.StartsWith("file:", StringComparison.OrdinalIgnoreCase) ? path : "file:" + path;
        var dataSource = sqliteParameters.Count == 0 ? uri : $"{uri}?{string.Join('&', sqliteParameters)}";
        return new SqliteConnectionString(dataSource, pragmas, transactionLock);
    }

    /// <summary><c>name(value)</c> or <c>name</c> as the statement that sets it; anything else is a configuration error (it becomes SQL text).</summary>
    private static string Pragma(ComponentDefinition component, string option)
    {
        var match = PragmaOption().Match(option);
        if (!match.Success)
        {
            throw new ComponentConfigurationException(component, $"'_pragma={option}' in the connection string is not of the form name(value).");
        }
        var name = match.Groups["name"].Value;
        if (ReservedPragmas.TryGetValue(name, out var instead))
        {
            throw new ComponentConfigurationException(component, $"'_pragma={name}' cannot be set in the connection string: {instead}.");
        }
        return match.Groups["value"].Success ? $"PRAGMA {name} = {match.Groups["value"].Value}" : $"PRAGMA {name}";
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z_][A-Za-z0-9_]*)(\((?<value>[A-Za-z0-9_-]+)\))?$")]
    private static partial Regex PragmaOption();
}
