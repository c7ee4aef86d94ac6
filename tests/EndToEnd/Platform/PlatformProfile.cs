using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ecommerce.Contracts;

namespace Ecommerce.EndToEnd.Tests.Platform;

/// <summary>
/// A component profile as the end-to-end run uses it: the profile's YAML copied unchanged except
/// for where files go (a fresh directory per run instead of <c>.data/</c>) and the carrier's cron
/// (every second instead of every five), and the development secrets made the way <c>./run.sh</c> makes them.
/// </summary>
internal abstract partial class PlatformProfile
{
    public abstract string Name { get; }

    /// <summary>Copies the profile's components into <paramref name="directory"/>, files pointed into <paramref name="dataDirectory"/>.</summary>
    public void WriteComponents(string repository, string directory, string dataDirectory)
    {
        Directory.CreateDirectory(directory);
        Directory.CreateDirectory(dataDirectory);
        foreach (var file in Directory.GetFiles(Path.Combine(repository, "components", Name), "*.yaml"))
        {
            var yaml = File.ReadAllText(file)
                .Replace($".data/{Name}/", dataDirectory.TrimEnd('/') + "/", StringComparison.Ordinal);
            yaml = EveryFiveSeconds().Replace(yaml, "\"@every 1s\"");
            File.WriteAllText(Path.Combine(directory, Path.GetFileName(file)), yaml);
        }
    }

    /// <summary>Makes (or reuses) the development secrets and returns the seeded admin's password.</summary>
    public abstract Task<string> PrepareSecretsAsync(DevSecrets devSecrets, string dataDirectory);

    /// <summary>Where the emails the notification service sent can be read.</summary>
    public abstract Mailbox Mailbox(string dataDirectory);

    [GeneratedRegex("\"@every 5s\"")]
    private static partial Regex EveryFiveSeconds();
}

/// <summary>SQLite files, in-memory brokers, a local-file secret store, email as .eml files: nothing to install.</summary>
internal sealed class EmbeddedProfile : PlatformProfile
{
    public override string Name => "embedded";

    public override async Task<string> PrepareSecretsAsync(DevSecrets devSecrets, string dataDirectory)
    {
        var file = Path.Combine(dataDirectory, "secrets.json");
        await devSecrets.RunAsync("--json", file);
        return JsonNode.Parse(await File.ReadAllTextAsync(file))![SecretNames.IdentityAdminPassword]!.GetValue<string>();
    }

    public override Mailbox Mailbox(string dataDirectory) => new(Path.Combine(dataDirectory, "mail"));
}

/// <summary>
/// PostgreSQL, Redis, RabbitMQ and an SMTP sink on 127.0.0.1 (./test.sh starts them and exports where
/// they are); secrets from the environment, as <c>./run.sh --local</c> gives them. The stores outlive the
/// run, so every test makes its own products and users.
/// </summary>
internal sealed class LocalProfile : PlatformProfile
{
    private static string StateDirectory =>
        Environment.GetEnvironmentVariable("ECOMMERCE_STATE_DIR")
        ?? Path.Combine(Environment.GetEnvironmentVariable("XDG_STATE_HOME") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state"), "ecommerce");

    public override string Name => "local";

    public override async Task<string> PrepareSecretsAsync(DevSecrets devSecrets, string dataDirectory)
    {
        // The machine's own development secrets (the ones ./run.sh --local uses): the identity store
        // outlives this run, and its seeded admin was made with this password.
        var file = Path.Combine(StateDirectory, "identity-secrets.env");
        await devSecrets.RunAsync("--env", file);
        foreach (var (name, value) in EnvironmentFile.Read(await File.ReadAllLinesAsync(file)))
        {
            // The sidecars run in this process: secretstores.local.env reads this process's environment.
            Environment.SetEnvironmentVariable(name, value);
        }
        foreach (var required in new[] { "ECOMMERCE_REDIS_HOST", "ECOMMERCE_POSTGRES_CONNECTION", "ECOMMERCE_RABBITMQ_URL", "ECOMMERCE_SMTP_HOST" })
        {
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(required)))
            {
                throw new InvalidOperationException($"{required} is not set: run the tests with ./test.sh (it starts the local servers and exports where they are).");
            }
        }
        return Environment.GetEnvironmentVariable("ECOMMERCE_" + SecretNames.IdentityAdminPassword)
            ?? throw new InvalidOperationException($"{file} has no admin password.");
    }

    public override Mailbox Mailbox(string dataDirectory) => new(Path.Combine(StateDirectory, "mail"));
}
