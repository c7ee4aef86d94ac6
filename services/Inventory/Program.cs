using Ecommerce.Inventory.Apis;
using Ecommerce.Inventory.Extensions;
using Ecommerce.Inventory.IntegrationEvents;
using Ecommerce.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapActorsHandlers();
app.MapReservationsApi();
app.MapAvailabilityApi();
app.MapStockApi();
app.MapWarehousesApi();
app.MapIntegrationEventHandlers();

app.Run();

/// <summary>Visible to the functional tests' <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
