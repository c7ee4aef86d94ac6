using Ecommerce.Ordering.Apis;
using Ecommerce.Ordering.Extensions;
using Ecommerce.Ordering.IntegrationEvents;
using Ecommerce.Ordering.Sweep;
using Ecommerce.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapOrdersApi();
app.MapOrdersAdminApi();
app.MapShipmentStatusChangedHandler();
app.MapPaymentDisputeClosedHandler();
app.MapOrderingSweep();

app.Run();

/// <summary>Visible to the functional tests' <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
