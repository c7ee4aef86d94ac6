using Ecommerce.Contracts;
using Ecommerce.ServiceDefaults.Dapr;
using Ecommerce.ServiceDefaults.Errors;
using Ecommerce.Shipping.Model;
using Microsoft.Extensions.Options;

namespace Ecommerce.Shipping.Security;

/// <summary>
/// Reads the tracking key from the secret store at start, and again every
/// <see cref="ShippingOptions.SecretsRetryInterval"/> until it has a valid one. A missing or too short
/// secret is one clear log line (repeated only when the reason changes, never with the value), and
/// readiness fails (<see cref="TrackingKeyHealthCheck"/>) and shipment creation answers 503 until it is
/// fixed: no crash loop. Read once: changing the key takes a restart (and changes every new identity).
/// </summary>
internal sealed partial class TrackingKeyLoader(
    ISecretReader secrets, TrackingKey key, IOptions<ShippingOptions> options, ILogger<TrackingKeyLoader> logger) : BackgroundService
{
    private static readonly string Unreachable = $"The secret store '{Components.SecretStore}' cannot be reached through the sidecar yet.";

    private string? _lastProblem;

    /// <summary>Why the key is not loaded yet; null once it is.</summary>
    public string? Problem { get; private set; } = "The tracking key has not been read yet.";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            Problem = await TryLoadAsync(stoppingToken);
            if (Problem is null)
            {
                LogLoaded(logger);
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

    /// <summary>Loads the key unless it is loaded; the problem left, or null.</summary>
    public async Task<string?> TryLoadAsync(CancellationToken cancellationToken)
    {
        if (key.IsLoaded)
        {
            return null;
        }
        string? value;
        try
        {
            value = await secrets.ReadAsync(SecretNames.ShippingTrackingKey, cancellationToken);
        }
        catch (Exception error) when (DependencyFailure.IsUnavailable(error) && !cancellationToken.IsCancellationRequested)
        {
            return Unreachable;
        }
        if (value is null)
        {
            return $"The secret {SecretNames.ShippingTrackingKey} is missing or empty: shipment creation answers 503 until it holds at least {TrackingKey.MinimumLength} characters.";
        }
        return key.TryLoad(value)
            ? null
            : $"The secret {SecretNames.ShippingTrackingKey} is refused ({TrackingKey.Problem(value)}): shipment creation answers 503 until it is replaced.";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Tracking key loaded")]
    private static partial void LogLoaded(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tracking key not loaded yet: {Problem}")]
    private static partial void LogWaiting(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Tracking key not loaded: {Problem}")]
    private static partial void LogNotLoaded(ILogger logger, string problem);
}
