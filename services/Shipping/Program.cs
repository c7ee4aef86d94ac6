using Ecommerce.Shipping.Apis;
using Ecommerce.Shipping.Extensions;
using Ecommerce.Shipping.Progress;
using Ecommerce.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapRatesApi();
app.MapShipmentsApi();
app.MapTrackingApi();
app.MapProgressScan();

app.Run();

/// <summary>Visible to the functional tests' <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
