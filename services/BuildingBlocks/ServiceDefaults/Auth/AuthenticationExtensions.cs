using Ecommerce.Contracts;
using Ecommerce.ServiceDefaults.Dapr;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Ecommerce.ServiceDefaults.Auth;

public static class AuthenticationExtensions
{
    /// <summary>Asymmetric algorithms only: a token signed with a shared secret, or not at all, is refused.</summary>
    private static readonly string[] AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.EcdsaSha256];

    /// <summary>
    /// JWT bearer validation of the identity service's access tokens (issuer, audience, lifetime,
    /// signature against keys read from its JWKS document and refreshed when an unknown
    /// <c>kid</c> shows up), and the role policies <see cref="Policies"/>.
    /// </summary>
    public static IHostApplicationBuilder AddDefaultAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<JwtOptions>().BindConfiguration(JwtOptions.SectionName);
        // A key read that hangs would hold every authenticated request behind it: give up well before callers do.
        builder.Services.AddHttpClient(JwksConfigurationRetriever.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<JwtOptions>, IHttpClientFactory, IConfiguration>((bearer, jwt, httpClients, configuration) =>
            {
                var settings = jwt.Value;
                var jwksUrl = string.IsNullOrWhiteSpace(settings.JwksUrl)
                    ? DaprSidecar.InvokeUrl(configuration, AppIds.Identity, ".well-known/jwks.json")
                    : new Uri(settings.JwksUrl);

                bearer.MapInboundClaims = false;
                bearer.Events = new JwtBearerEvents
                {
                    // Without keys the handler can only say "no key for this signature" (401), which blames the token.
                    // Asking for the keys tells whose fault it is: if identity cannot be read, the call throws, and the
                    // shared exception handler answers 503 with the reason; if the keys are there, the 401 stands.
                    OnAuthenticationFailed = async failed =>
                    {
                        if (failed.Exception is SecurityTokenSignatureKeyNotFoundException && failed.Options.ConfigurationManager is { } keys)
                        {
                            await keys.GetConfigurationAsync(failed.HttpContext.RequestAborted);
                        }
                    },
                };
                bearer.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
                    jwksUrl.ToString(),
                    new JwksConfigurationRetriever(),
                    new HttpDocumentRetriever(httpClients.CreateClient(JwksConfigurationRetriever.HttpClientName))
                    {
                        // The sidecar (and a local identity service) speak plain HTTP on loopback;
                        // keys fetched from anywhere else must come over TLS.
                        RequireHttps = !jwksUrl.IsLoopback,
                    });
                bearer.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = settings.Issuer,
                    ValidAudience = settings.Audience,
                    ValidAlgorithms = AllowedAlgorithms,
                    RequireSignedTokens = true,
                    RequireExpirationTime = true,
                    ValidateLifetime = true,
                    ClockSkew = settings.ClockSkew,
                    NameClaimType = "sub",
                    RoleClaimType = "role",
                };
            });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Customer, policy => policy.RequireRole(Roles.Customer))
            .AddPolicy(Policies.Support, policy => policy.RequireRole(Roles.Support, Roles.Admin))
            .AddPolicy(Policies.Admin, policy => policy.RequireRole(Roles.Admin));

        return builder;
    }
}
