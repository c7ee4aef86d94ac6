using Ecommerce.Identity.Apis;
using Ecommerce.Identity.Extensions;
using Ecommerce.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapDiscoveryApi();
app.MapAccountApi();
app.MapTokenApi();
app.MapMeApi();
app.MapAddressesApi();
app.MapAdminUsersApi();

app.Run();

/// <summary>Visible to the functional tests' <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
