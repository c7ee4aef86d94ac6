using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.OpenApi;

namespace Ecommerce.ServiceDefaults.OpenApi;

public static class OpenApiExtensions
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/swagger/v1/swagger.json";
    private const string BearerScheme = "Bearer";

    /// <summary>
    /// One OpenAPI document per service (<c>/swagger/v1/swagger.json</c>) titled with the app id,
    /// with the bearer scheme declared so Swagger UI can send a token. The gateway fetches every
    /// service's document from this path and serves it as <c>/openapi/{appId}.json</c>.
    /// </summary>
    public static IHostApplicationBuilder AddDefaultOpenApi(this IHostApplicationBuilder builder)
    {
        var appId = ServiceIdentity.AppId(builder);

        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = $"{appId} API",
                Version = DocumentName,
                Description = $"The {appId} service of the Ecommerce on Dapr platform.",
            });
            options.AddSecurityDefinition(BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "An access token issued by the identity service.",
            });
            options.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [],
            });
            options.CustomSchemaIds(type => type.FullName?.Replace('+', '.'));
        });
        return builder;
    }

    /// <summary>Serves the document and Swagger UI at <c>/swagger</c> in every environment.</summary>
    public static WebApplication MapDefaultOpenApi(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(options =>
        {
            // A service may list its own document itself, under a name of its own (the gateway does).
            if (options.ConfigObject.Urls?.Any(url => url.Url == DocumentPath) != true)
            {
                options.SwaggerEndpoint(DocumentPath, DocumentName);
            }
            options.RoutePrefix = "swagger";
        });
        return app;
    }
}
