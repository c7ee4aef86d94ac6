using System.Net;
using System.Net.Http.Json;
using static Ecommerce.Notification.Tests.Api.Deliveries;

namespace Ecommerce.Notification.Tests.Api;

/// <summary>Preferences: the defaults, validation with field errors, saving, and If-Match.</summary>
public sealed class PreferencesApiTests(NotificationApiFactory factory) : IClassFixture<NotificationApiFactory>
{
    [Fact]
    public async Task A_new_user_has_the_defaults()
    {
        var preferences = await GetJsonAsync(factory.ClientAs("customer", NewId("user")), "/api/notifications/preferences");

        Assert.True(preferences.GetProperty("channels").GetProperty("email").GetBoolean());
        Assert.False(preferences.GetProperty("channels").GetProperty("sms").GetBoolean());
        Assert.True(preferences.GetProperty("channels").GetProperty("inApp").GetBoolean());
        Assert.False(preferences.GetProperty("categories").GetProperty("marketing").GetBoolean());
        Assert.True(preferences.GetProperty("categories").GetProperty("orders").GetBoolean());
        Assert.False(preferences.TryGetProperty("phoneNumber", out _));
    }

    [Fact]
    public async Task Saved_preferences_are_read_back_with_an_etag_and_a_stale_if_match_is_409()
    {
        var client = factory.ClientAs("customer", NewId("user"));
        var body = Body(sms: true, phone: "+33612345678", marketing: true);

        var saved = await client.PutAsJsonAsync("/api/notifications/preferences", body);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var etag = saved.Headers.ETag!.ToString();
        var read = await client.GetAsync("/api/notifications/preferences");
        var json = await JsonAsync(read);
        Assert.Equal(etag, read.Headers.ETag!.ToString());
        Assert.True(json.GetProperty("channels").GetProperty("sms").GetBoolean());
        Assert.True(json.GetProperty("categories").GetProperty("marketing").GetBoolean());
        Assert.Equal("+33612345678", json.GetProperty("phoneNumber").GetString());

        Assert.Equal(HttpStatusCode.OK, (await PutAsync(client, Body(sms: false, phone: null, marketing: false), etag)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await PutAsync(client, Body(sms: false, phone: null, marketing: true), etag)).StatusCode);
        Assert.False((await GetJsonAsync(client, "/api/notifications/preferences")).GetProperty("categories").GetProperty("marketing").GetBoolean());
    }

    [Fact]
    public async Task Invalid_preferences_are_400_with_field_errors_and_nothing_is_saved()
    {
        var client = factory.ClientAs("customer", NewId("user"));

        var noPhone = await JsonAsync(await client.PutAsJsonAsync("/api/notifications/preferences", Body(sms: true, phone: null, marketing: false)));
        Assert.True(noPhone.GetProperty("errors").TryGetProperty("phoneNumber", out _));
        var badPhone = await JsonAsync(await client.PutAsJsonAsync("/api/notifications/preferences", Body(sms: true, phone: "07700 900123", marketing: false)));
        Assert.Contains("E.164", badPhone.GetProperty("errors").GetProperty("phoneNumber")[0].GetString(), StringComparison.Ordinal);
        var missing = await client.PutAsJsonAsync("/api/notifications/preferences", new { channels = new { email = true } });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var errors = (await JsonAsync(missing)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("channels.sms", out _));
        Assert.True(errors.TryGetProperty("categories", out _));

        Assert.False((await GetJsonAsync(client, "/api/notifications/preferences")).GetProperty("channels").GetProperty("sms").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.ClientAs(null).GetAsync("/api/notifications/preferences")).StatusCode);
    }

    private static object Body(bool sms, string? phone, bool marketing) => new
    {
        channels = new { email = true, sms, inApp = true },
        categories = new { account = true, orders = true, shipping = true, marketing },
        phoneNumber = phone,
    };

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, object body, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/notifications/preferences") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }
}
