using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ecommerce.Contracts;

// DevSecrets --json <file> | --env <file>
// Adds the secrets a development run needs to a secrets file, keeping any already there, so the
// signing key and the admin password stay the same from one run to the next on this machine.
//   --json: a JSON object, the format of secretstores.local.file (embedded profile).
//   --env:  NAME="value" lines with the ECOMMERCE_ prefix, sourced into the environment that
//           secretstores.local.env reads (local profile).
if (args is not [("--json" or "--env") and var format, var path])
{
    await Console.Error.WriteLineAsync("usage: DevSecrets --json <file> | --env <file>");
    return 2;
}

var existing = format == "--json" ? ReadJson(path) : ReadEnv(path);
var added = 0;
foreach (var (name, create) in new (string, Func<string>)[]
{
    (SecretNames.IdentitySigningKey, NewSigningKey),
    (SecretNames.IdentityDataKey, () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))),
    (SecretNames.IdentityAdminPassword, NewPassword),
    (SecretNames.ShippingTrackingKey, () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))),
})
{
    if (!existing.ContainsKey(name))
    {
        existing[name] = create();
        added++;
    }
}

if (added > 0)
{
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
    var text = format == "--json" ? WriteJson(existing) : WriteEnv(existing);
    // Only the owner may read it, and it is written in one go: created 600, then filled.
    File.WriteAllText(path, "");
    if (!OperatingSystem.IsWindows())
    {
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
    File.WriteAllText(path, text);
    Console.WriteLine($"DevSecrets: {added} new secret(s) in {path}");
}
return 0;

static string NewSigningKey()
{
    using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    return key.ExportPkcs8PrivateKeyPem();
}

// 20 characters from an alphabet without look-alikes: about 113 bits, and safe in any quoting.
static string NewPassword()
{
    const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    return RandomNumberGenerator.GetString(alphabet, 20);
}

static Dictionary<string, string> ReadJson(string path)
{
    if (!File.Exists(path))
    {
        return new(StringComparer.Ordinal);
    }
    var root = JsonNode.Parse(File.ReadAllText(path))?.AsObject() ?? [];
    return root.ToDictionary(pair => pair.Key, pair => pair.Value?.GetValue<string>() ?? "", StringComparer.Ordinal);
}

static string WriteJson(Dictionary<string, string> secrets)
{
    var root = new JsonObject();
    foreach (var (name, value) in secrets)
    {
        root[name] = value;
    }
    return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
}

// Reads back only what WriteEnv writes: NAME="value" where the value may span lines.
static Dictionary<string, string> ReadEnv(string path)
{
    var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
    if (!File.Exists(path))
    {
        return secrets;
    }
    var text = File.ReadAllText(path);
    var position = 0;
    while (position < text.Length)
    {
        var equals = text.IndexOf("=\"", position, StringComparison.Ordinal);
        if (equals < 0)
        {
            break;
        }
        var close = text.IndexOf("\"\n", equals + 2, StringComparison.Ordinal);
        if (close < 0)
        {
            break;
        }
        var name = text[position..equals].Trim();
        secrets[name["ECOMMERCE_".Length..]] = text[(equals + 2)..close];
        position = close + 2;
    }
    return secrets;
}

// PEM, base64 and the password alphabet hold no quote, dollar, backquote or backslash, so plain
// double quotes are enough for bash to read each value back unchanged, newlines included.
static string WriteEnv(Dictionary<string, string> secrets)
{
    var text = new StringBuilder();
    foreach (var (name, value) in secrets)
    {
        text.Append("ECOMMERCE_").Append(name).Append("=\"").Append(value.TrimEnd('\n')).Append("\"\n");
    }
    return text.ToString();
}
