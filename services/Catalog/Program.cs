using Ecommerce.Catalog.Apis;
using Ecommerce.Catalog.Extensions;
using Ecommerce.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapProductsApi();
app.MapSkusApi();
app.MapCategoriesApi();
app.MapIntegrationEventsApi();

app.Run();

/// <summary>Visible to the functional tests' <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
