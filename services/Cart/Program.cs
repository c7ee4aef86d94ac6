using Ecommerce.Cart.Abandonment;
using Ecommerce.Cart.Apis;
using Ecommerce.Cart.Extensions;
using Ecommerce.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapCartApi();
app.MapSupportCartsApi();
app.MapWishlistApi();
app.MapAbandonmentScan();

app.Run();

/// <summary>Visible to the functional tests' <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
