using Ecommerce.Contracts;
using Ecommerce.Identity.Model;
using Ecommerce.Identity.Security;
using Ecommerce.ServiceDefaults.Dapr;
using Ecommerce.ServiceDefaults.Errors;
using Microsoft.Extensions.Options;

namespace Ecommerce.Identity.Accounts;

/// <summary>
/// Seeds the admin account at start: when the secret <c>IDENTITY_ADMIN_PASSWORD</c> is set and no
/// account has <see cref="AdminOptions.Email"/>, creates it (roles admin and customer, email verified)
/// through <see cref="Registration"/>, whose first-write transaction makes two replicas seeding at once
/// create one account. Retries while the sidecar or the store is not ready. The password is never logged.
/// </summary>
internal sealed partial class AdminSeeder(
    ISecretReader secrets, Users users, Registration registration, IOptions<IdentityOptions> options, ILogger<AdminSeeder> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var email = ValidationRules.NormaliseEmail(options.Value.Admin.Email);
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await SeedAsync(email, stoppingToken);
                return;
            }
            catch (Exception error) when (DependencyFailure.IsUnavailable(error) || error is Dapr.DaprException)
            {
                if (attempt == 1)
                {
                    var errorType = error.GetType().Name;
                    LogWaiting(logger, errorType);
                }
            }
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task SeedAsync(string email, CancellationToken cancellationToken)
    {
        var password = await secrets.ReadAsync(SecretNames.IdentityAdminPassword, cancellationToken);
        if (password is null)
        {
            LogNoPassword(logger, SecretNames.IdentityAdminPassword);
            return;
        }
        if (!ValidationRules.IsEmail(email))
        {
            LogInvalidEmail(logger);
            return;
        }
        if (PasswordPolicy.Check(password, email) is not null)
        {
            LogWeakPassword(logger, SecretNames.IdentityAdminPassword);
            return;
        }
        if (await users.FindByEmailAsync(email, cancellationToken) is not null)
        {
            return;
        }
        var created = await registration.CreateAsync(email, password, options.Value.Admin.Name, [Roles.Admin, Roles.Customer], emailVerified: true, cancellationToken);
        if (created.Succeeded)
        {
            LogSeeded(logger, email);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No admin seeded: the secret {SecretName} is not set")]
    private static partial void LogNoPassword(ILogger logger, string secretName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No admin seeded: Identity:Admin:Email is not a valid email address")]
    private static partial void LogInvalidEmail(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "No admin seeded: the secret {SecretName} does not meet the password policy")]
    private static partial void LogWeakPassword(ILogger logger, string secretName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the admin account {Email}")]
    private static partial void LogSeeded(ILogger logger, string email);

    [LoggerMessage(Level = LogLevel.Information, Message = "Waiting for the sidecar to seed the admin account ({ErrorType})")]
    private static partial void LogWaiting(ILogger logger, string errorType);
}
