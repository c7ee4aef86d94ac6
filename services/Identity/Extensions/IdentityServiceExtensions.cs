using Dapr.Client;
using Ecommerce.Contracts;
using Ecommerce.Identity.Accounts;
using Ecommerce.Identity.Infrastructure;
using Ecommerce.Identity.Model;
using Ecommerce.Identity.Security;
using Ecommerce.ServiceDefaults.Dapr;
using Ecommerce.ServiceDefaults.State;
using Ecommerce.ServiceDefaults.Validation;

namespace Ecommerce.Identity.Extensions;

public static class IdentityServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IdentityOptions>()
            .BindConfiguration(IdentityOptions.SectionName)
            .Validate(options => options.AccessTokenLifetime > TimeSpan.Zero && options.RefreshTokenLifetime > TimeSpan.Zero
                && options.VerificationTokenLifetime > TimeSpan.Zero && options.ResetTokenLifetime > TimeSpan.Zero
                && options.MfaTokenLifetime > TimeSpan.Zero && options.MfaEnrolmentLifetime > TimeSpan.Zero
                && options.SecretsRetryInterval > TimeSpan.Zero,
                "Identity lifetimes and Identity:SecretsRetryInterval must be positive.")
            .Validate(options => options.PasswordIterations >= 1, "Identity:PasswordIterations must be at least 1.")
            .Validate(options => options.Lockout.Threshold >= 1 && options.Lockout.FirstLock > TimeSpan.Zero && options.Lockout.MaxLock >= options.Lockout.FirstLock,
                "Identity:Lockout needs Threshold >= 1 and 0 < FirstLock <= MaxLock.")
            .ValidateOnStart();
        builder.Services.AddValidatorsOf<Program>();
        builder.Services.AddSingleton(TimeProvider.System);

        builder.Services.AddSingleton<ITransactionalStore>(services => new DaprTransactionalStore(services.GetRequiredService<DaprClient>(), Components.IdentityStore));
        builder.Services.AddSingleton<IIdentityEvents, DaprIdentityEvents>();
        builder.Services.AddSingleton<ISecretReader, DaprSecretReader>();

        builder.Services.AddSingleton<SigningKeys>();
        builder.Services.AddSingleton<SecretProtector>();
        builder.Services.AddSingleton<PasswordHasher>();
        builder.Services.AddSingleton<AccessTokenIssuer>();
        builder.Services.AddSingleton<KeyMaterialLoader>();
        builder.Services.AddHostedService(services => services.GetRequiredService<KeyMaterialLoader>());
        builder.Services.AddHealthChecks().AddCheck<KeyMaterialHealthCheck>("identity-keys", tags: ["ready"]);

        builder.Services.AddSingleton<Users>();
        builder.Services.AddSingleton<Registration>();
        builder.Services.AddSingleton<MailedTokens>();
        builder.Services.AddSingleton<EmailVerification>();
        builder.Services.AddSingleton<Sessions>();
        builder.Services.AddSingleton<SignIn>();
        builder.Services.AddSingleton<Passwords>();
        builder.Services.AddSingleton<MfaEnrolment>();
        builder.Services.AddSingleton<AddressBooks>();
        builder.Services.AddHostedService<AdminSeeder>();
        return builder;
    }
}
