using Ecommerce.Contracts;
using Ecommerce.Identity.Infrastructure;
using Ecommerce.Identity.Tests.Fakes;
using Ecommerce.ServiceDefaults.Dapr;
using Ecommerce.ServiceDefaults.State;
using Ecommerce.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Identity.Tests.Api;

/// <summary>
/// The identity service with its real pipeline and everything behind its interfaces in memory. Its
/// own access tokens are validated against its own JWKS endpoint (the JWKS client is pointed at the
/// test server), so the ServiceDefaults rules apply as in production.
/// </summary>
public sealed class IdentityApiFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "root@admin.test";
    public const string AdminPassword = "admin-password-for-tests";

    private readonly bool _recordEvents;

    public IdentityApiFactory()
        : this(withSigningKey: true, recordEvents: true)
    {
    }

    internal IdentityApiFactory(bool withSigningKey, bool recordEvents)
    {
        _recordEvents = recordEvents;
        if (withSigningKey)
        {
            Secrets.Values[SecretNames.IdentitySigningKey] = TestKeys.NewSigningKeyPem();
        }
        Secrets.Values[SecretNames.IdentityDataKey] = TestKeys.NewDataKey();
        Secrets.Values[SecretNames.IdentityAdminPassword] = AdminPassword;
    }

    internal InMemoryTransactionalStore Store { get; } = new();

    internal RecordingIdentityEvents Events { get; } = new();

    internal FakeSecrets Secrets { get; } = new();

    public const int Iterations = 1000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("APP_ID", "identity");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Jwt:JwksUrl", "http://localhost/.well-known/jwks.json");
        builder.UseSetting("Identity:PasswordIterations", Iterations.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Identity:SecretsRetryInterval", "00:00:00.100");
        builder.UseSetting("Identity:Admin:Email", AdminEmail);
        builder.UseSetting("Identity:Lockout:FirstLock", "00:00:30");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ITransactionalStore>(Store);
            services.AddSingleton<ISecretReader>(Secrets);
            if (_recordEvents)
            {
                services.AddSingleton<IIdentityEvents>(Events);
            }
            services.AddHttpClient("jwks").ConfigurePrimaryHttpMessageHandler(provider => ((TestServer)provider.GetRequiredService<IServer>()).CreateHandler());
        });
    }
}
