using Ecommerce.Gateway.Correlation;
using Ecommerce.Gateway.Extensions;
using Ecommerce.Gateway.OpenApi;
using Ecommerce.Gateway.Routing;
using Ecommerce.Gateway.Storefront;
using Ecommerce.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();

// Outermost, so that every answer (a 401, a 404, a 429) echoes the correlation id and every log line has it.
app.UseCorrelationId();
app.MapDefaultEndpoints();
// After authentication (in the defaults), so that limits are per user once the token is known.
app.UseRateLimiter();
app.UseEncodedPathGuard();

app.MapNotRoutedPaths();
app.MapStorefrontApi();
app.MapServiceOpenApiDocuments();
app.MapServiceRoutes();

app.Run();

/// <summary>Visible to the functional tests' <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
