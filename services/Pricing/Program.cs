using Ecommerce.Pricing.Apis;
using Ecommerce.Pricing.Extensions;
using Ecommerce.Pricing.IntegrationEvents;
using Ecommerce.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapPricesApi();
app.MapDiscountsApi();
app.MapCouponsApi();
app.MapPromotionsApi();
app.MapTaxRulesApi();
app.MapQuotesApi();
app.MapOrderConfirmedHandler();

app.Run();

/// <summary>Visible to the functional tests' <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
