using Ecommerce.Payment.Apis;
using Ecommerce.Payment.Extensions;
using Ecommerce.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapPaymentMethodsApi();
app.MapPaymentsApi();
app.MapDisputesApi();

app.Run();

/// <summary>Visible to the functional tests' <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
