using System.Data.Common;
using System.Text;
using Npgsql;

namespace Ecommerce.DaprLocal.State;

/// <summary>
/// daprd hands <c>connectionString</c> to pgx, which takes libpq's forms: <c>host=h port=5432
/// user=u password='p w' dbname=d</c> or <c>postgres://u:p@h:5432/d?sslmode=disable</c>. Npgsql
/// wants <c>Host=h;Port=5432;...</c>; this converts, and passes Npgsql's own form through.
/// As in pgx, keys that are not connection settings become server run-time parameters.
/// </summary>
internal static class PostgresConnectionString
{
    // libpq/pgx keyword → Npgsql keyword. sslmode is converted separately (its values differ).
    private static readonly Dictionary<string, string> _keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["host"] = "Host",
        ["port"] = "Port",
        ["user"] = "Username",
        ["password"] = "Password",
        ["dbname"] = "Database",
        ["database"] = "Database",
        ["sslrootcert"] = "Root Certificate",
        ["sslcert"] = "SSL Certificate",
        ["sslkey"] = "SSL Key",
        ["sslpassword"] = "SSL Password",
        ["connect_timeout"] = "Timeout",
        ["application_name"] = "Application Name",
        ["target_session_attrs"] = "Target Session Attributes",
        ["passfile"] = "Passfile",
        ["krbsrvname"] = "Kerberos Service Name",
        ["options"] = "Options",
        ["pool_max_conns"] = "Maximum Pool Size",
        ["pool_min_conns"] = "Minimum Pool Size",
    };

    // pgx settings of its own client (pool tuning, statement caches): Npgsql has no equivalent,
    // and they must not reach the server as run-time parameters.
    private static readonly HashSet<string> _clientOnly = new(StringComparer.OrdinalIgnoreCase)
    {
        "pool_max_conn_lifetime", "pool_max_conn_lifetime_jitter", "pool_max_conn_idle_time", "pool_health_check_period",
        "statement_cache_capacity", "description_cache_capacity", "default_query_exec_mode", "sslsni", "hostaddr",
    };

    /// <summary>The connection string in Npgsql's form; <see cref="FormatException"/> when it cannot be read.</summary>
    public static string ToNpgsql(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var text = connectionString.Trim();
        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return Build(FromUrl(text));
        }
        return TryParseKeyValue(text, out var settings) ? Build(settings) : new NpgsqlConnectionStringBuilder(text).ConnectionString;
    }

    /// <summary>
    /// pgx's pool default (daprd's driver) when the connection string sets no pool size:
    /// max(4, CPUs) connections, not Npgsql's 100. Callers beyond it wait for a connection instead
    /// of exhausting the server's connection slots.
    /// </summary>
    public static void ApplyPoolDefault(NpgsqlConnectionStringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!new DbConnectionStringBuilder { ConnectionString = builder.ConnectionString }.ContainsKey("Maximum Pool Size"))
        {
            builder.MaxPoolSize = Math.Max(4, Environment.ProcessorCount);
        }
    }

    private static string Build(List<KeyValuePair<string, string>> settings)
    {
        var builder = new NpgsqlConnectionStringBuilder();
        var runtimeParameters = new StringBuilder();
        var hostAddress = settings.LastOrDefault(setting => setting.Key.Equals("hostaddr", StringComparison.OrdinalIgnoreCase)).Value;
        string? ports = null;
        foreach (var (key, value) in settings)
        {
            if (key.Equals("sslmode", StringComparison.OrdinalIgnoreCase))
            {
                builder.SslMode = ParseSslMode(value);
            }
            else if (key.Equals("port", StringComparison.OrdinalIgnoreCase))
            {
                ports = value;
            }
            else if (_keywords.TryGetValue(key, out var keyword))
            {
                builder[keyword] = value;
            }
            else if (!_clientOnly.Contains(key))
            {
                runtimeParameters.Append(" -c ").Append(EscapeOption(key)).Append('=').Append(EscapeOption(value));
            }
        }
        if (string.IsNullOrEmpty(builder.Host) && !string.IsNullOrEmpty(hostAddress))
        {
            builder.Host = hostAddress;
        }
        ApplyPorts(builder, ports);
        if (runtimeParameters.Length > 0)
        {
            builder.Options = (builder.Options + runtimeParameters).Trim();
        }
        return builder.ConnectionString;
    }

    // libpq pairs a comma list of ports with the comma list of hosts; Npgsql writes host:port.
    private static void ApplyPorts(NpgsqlConnectionStringBuilder builder, string? ports)
    {
        if (string.IsNullOrEmpty(ports))
        {
            return;
        }
        var portList = ports.Split(',');
        if (portList.Length == 1)
        {
            builder.Port = int.Parse(ports, System.Globalization.CultureInfo.InvariantCulture);
            return;
        }
        var hosts = (builder.Host ?? "").Split(',');
        if (hosts.Length != portList.Length)
        {
            throw new FormatException($"{hosts.Length} host(s) but {portList.Length} ports: libpq needs one port, or one per host.");
        }
        builder.Host = string.Join(',', hosts.Zip(portList, (host, port) => $"{host}:{port}"));
    }

    private static SslMode ParseSslMode(string value) => value.ToLowerInvariant() switch
    {
        "disable" => SslMode.Disable,
        "allow" => SslMode.Allow,
        "prefer" => SslMode.Prefer,
        "require" => SslMode.Require,
        "verify-ca" => SslMode.VerifyCA,
        "verify-full" => SslMode.VerifyFull,
        _ => throw new FormatException($"sslmode '{value}' is not one of disable, allow, prefer, require, verify-ca, verify-full."),
    };

    // PostgreSQL's "options" splits on spaces; a backslash escapes a space or itself.
    private static string EscapeOption(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(" ", "\\ ", StringComparison.Ordinal);

    /// <summary>
    /// libpq's <c>key=value</c> list: separated by white space, spaces allowed around '=', values
    /// optionally in single quotes, backslash escaping a quote or backslash. False when the text
    /// is not in that form (an unquoted ';' means Npgsql's form).
    /// </summary>
    private static bool TryParseKeyValue(string text, out List<KeyValuePair<string, string>> settings)
    {
        settings = [];
        var position = 0;
        while (true)
        {
            SkipWhiteSpace(text, ref position);
            if (position == text.Length)
            {
                return settings.Count > 0;
            }
            var keyStart = position;
            while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] == '_'))
            {
                position++;
            }
            var key = text[keyStart..position];
            SkipWhiteSpace(text, ref position);
            if (key.Length == 0 || position == text.Length || text[position] != '=')
            {
                return false;
            }
            position++;
            SkipWhiteSpace(text, ref position);
            if (!TryReadValue(text, ref position, out var value))
            {
                return false;
            }
            settings.Add(new(key, value));
        }
    }

    private static bool TryReadValue(string text, ref int position, out string value)
    {
        var result = new StringBuilder();
        var quoted = position < text.Length && text[position] == '\'';
        if (quoted)
        {
            position++;
        }
        while (position < text.Length)
        {
            var current = text[position];
            if (current == '\\' && position + 1 < text.Length)
            {
                result.Append(text[position + 1]);
                position += 2;
                continue;
            }
            if (quoted ? current == '\'' : char.IsWhiteSpace(current))
            {
                break;
            }
            if (!quoted && current == ';')
            {
                value = "";
                return false;
            }
            result.Append(current);
            position++;
        }
        if (quoted)
        {
            if (position == text.Length)
            {
                throw new FormatException("unterminated quoted value in the connection string.");
            }
            position++;
        }
        value = result.ToString();
        return true;
    }

    private static void SkipWhiteSpace(string text, ref int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }

    /// <summary><c>postgres://user:password@host:port,host2:port/dbname?key=value</c>, percent-decoded.</summary>
    private static List<KeyValuePair<string, string>> FromUrl(string url)
    {
        var rest = url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var settings = new List<KeyValuePair<string, string>>();
        var queryStart = rest.IndexOf('?', StringComparison.Ordinal);
        var query = queryStart >= 0 ? rest[(queryStart + 1)..] : "";
        rest = queryStart >= 0 ? rest[..queryStart] : rest;
        var pathStart = rest.IndexOf('/', StringComparison.Ordinal);
        var database = pathStart >= 0 ? Uri.UnescapeDataString(rest[(pathStart + 1)..]) : "";
        var authority = pathStart >= 0 ? rest[..pathStart] : rest;
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = authority[..at];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            settings.Add(new("user", Uri.UnescapeDataString(colon >= 0 ? userInfo[..colon] : userInfo)));
            if (colon >= 0)
            {
                settings.Add(new("password", Uri.UnescapeDataString(userInfo[(colon + 1)..])));
            }
            authority = authority[(at + 1)..];
        }
        // One host may carry its port ("h:5432", "[::1]:5432"); a list stays "h1:p1,h2:p2", which Npgsql reads as is.
        var hostAndPort = Uri.UnescapeDataString(authority);
        var portStart = hostAndPort.LastIndexOf(':');
        if (!hostAndPort.Contains(',', StringComparison.Ordinal) && portStart > hostAndPort.LastIndexOf(']'))
        {
            settings.Add(new("port", hostAndPort[(portStart + 1)..]));
            hostAndPort = hostAndPort[..portStart];
        }
        if (hostAndPort.Length > 0)
        {
            settings.Add(new("host", hostAndPort.Trim('[', ']')));
        }
        if (database.Length > 0)
        {
            settings.Add(new("dbname", database));
        }
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"URL parameter '{pair}' is not key=value.");
            }
            settings.Add(new(Uri.UnescapeDataString(pair[..equals]), Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '))));
        }
        return settings;
    }
}
