using Ecommerce.Contracts;
using Ecommerce.Identity.Model;
using Ecommerce.ServiceDefaults.Dapr;
using Ecommerce.ServiceDefaults.Errors;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Ecommerce.Identity.Security;

/// <summary>
/// Reads the signing keys and the data key from the secret store at start, and again every
/// <see cref="IdentityOptions.SecretsRetryInterval"/> until both are read. A missing or invalid secret
/// is one clear log line (repeated only when the reason changes, never with the secret or a stack
/// trace), and readiness fails (<see cref="KeyMaterialHealthCheck"/>) until it is fixed: no crash loop.
/// Keys are read once: a rotation (new current key, old one in the retired list) takes a restart.
/// </summary>
internal sealed partial class KeyMaterialLoader(
    ISecretReader secrets,
    SigningKeys signingKeys,
    SecretProtector protector,
    IOptions<IdentityOptions> options,
    ILogger<KeyMaterialLoader> logger) : BackgroundService
{
    private static readonly string Unreachable = $"The secret store '{Components.SecretStore}' cannot be reached through the sidecar yet.";

    private string? _lastProblem;

    /// <summary>Why the keys are not loaded yet; null once they are.</summary>
    public string? Problem { get; private set; } = "The keys have not been read yet.";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            Problem = await TryLoadAsync(stoppingToken);
            if (Problem is null)
            {
                LogLoaded(logger, signingKeys.PublicKeys.Count);
                return;
            }
            if (Problem != _lastProblem)
            {
                if (Problem == Unreachable)
                {
                    LogWaiting(logger, Problem);
                }
                else
                {
                    LogNotLoaded(logger, Problem);
                }
                _lastProblem = Problem;
            }
            try
            {
                await Task.Delay(options.Value.SecretsRetryInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Loads what is not loaded yet; the problem left, or null.</summary>
    public async Task<string?> TryLoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (!signingKeys.IsAvailable)
            {
                var current = await secrets.ReadAsync(SecretNames.IdentitySigningKey, cancellationToken);
                if (current is null)
                {
                    return $"The secret {SecretNames.IdentitySigningKey} is missing or empty: token endpoints answer 503 until it holds a PKCS#8 PEM EC P-256 key.";
                }
                var retired = await secrets.ReadAsync(SecretNames.IdentityRetiredSigningKeys, cancellationToken);
                try
                {
                    signingKeys.Load(current, retired);
                }
                catch (FormatException error)
                {
                    return $"The secret {SecretNames.IdentitySigningKey} or {SecretNames.IdentityRetiredSigningKeys} is not valid ({error.Message}): token endpoints answer 503 until it is.";
                }
            }
            if (!protector.IsAvailable)
            {
                var dataKey = await secrets.ReadAsync(SecretNames.IdentityDataKey, cancellationToken);
                byte[]? key = null;
                try
                {
                    key = dataKey is null ? null : Convert.FromBase64String(dataKey.Trim());
                }
                catch (FormatException)
                {
                    key = null;
                }
                if (key is not { Length: 32 })
                {
                    return $"The secret {SecretNames.IdentityDataKey} is missing or not the base64 of 32 bytes: MFA endpoints answer 503 until it is.";
                }
                protector.UseKey(key);
            }
            return null;
        }
        catch (Exception error) when (DependencyFailure.IsUnavailable(error) && !cancellationToken.IsCancellationRequested)
        {
            return Unreachable;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Signing keys loaded ({PublicKeyCount} public keys in the JWKS) and data key loaded")]
    private static partial void LogLoaded(ILogger logger, int publicKeyCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Identity keys not loaded yet: {Problem}")]
    private static partial void LogWaiting(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Identity keys not loaded: {Problem}")]
    private static partial void LogNotLoaded(ILogger logger, string problem);
}

/// <summary>Readiness: not ready while the signing key or the data key is not loaded.</summary>
internal sealed class KeyMaterialHealthCheck(KeyMaterialLoader loader, SigningKeys signingKeys, SecretProtector protector) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(signingKeys.IsAvailable && protector.IsAvailable
            ? HealthCheckResult.Healthy("The signing keys and the data key are loaded.")
            : HealthCheckResult.Unhealthy(loader.Problem ?? "The keys are not loaded."));
}
