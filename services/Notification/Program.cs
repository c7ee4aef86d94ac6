using Ecommerce.Notification.Apis;
using Ecommerce.Notification.Extensions;
using Ecommerce.Notification.IntegrationEvents;
using Ecommerce.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapFeedApi();
app.MapPreferencesApi();
app.MapHistoryApi();
app.MapTemplatesApi();
app.MapIntegrationEventHandlers();

app.Run();

/// <summary>Visible to the functional tests' <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
