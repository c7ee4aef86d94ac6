using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ecommerce.Contracts;
using Ecommerce.Contracts.Ordering;
using static Ecommerce.Notification.Tests.Api.Deliveries;

namespace Ecommerce.Notification.Tests.Api;

/// <summary>Templates: admins list, read and change them against an ETag; placeholders are checked; changes are used.</summary>
public sealed class TemplatesApiTests(NotificationApiFactory factory) : IClassFixture<NotificationApiFactory>
{
    private const string Path = "/api/notifications/admin/templates";

    [Fact]
    public async Task Admins_list_every_template_customers_and_anonymous_callers_cannot()
    {
        var list = await GetJsonAsync(factory.ClientAs("admin"), Path);

        var templates = list.EnumerateArray().ToList();
        Assert.Contains(templates, t => t.GetProperty("eventType").GetString() == Topics.OrdersConfirmed && t.GetProperty("channel").GetString() == "email"
            && t.GetProperty("placeholders").EnumerateArray().Any(p => p.GetString() == "total"));
        Assert.Contains(templates, t => t.GetProperty("eventType").GetString() == Topics.OrdersStatusChanged && t.GetProperty("channel").GetString() == "sms");
        Assert.Contains(templates, t => t.GetProperty("eventType").GetString() == Topics.ShipmentsStatusChanged && t.GetProperty("channel").GetString() == "inApp");
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAs("customer").GetAsync(Path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAs("customer").GetAsync($"{Path}/{Topics.OrdersConfirmed}/email")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.ClientAs(null).GetAsync(Path)).StatusCode);
    }

    [Fact]
    public async Task An_edit_against_the_current_etag_is_used_for_the_next_message_and_a_stale_one_is_409()
    {
        var admin = factory.ClientAs("admin", "admin-1");
        var read = await admin.GetAsync($"{Path}/{Topics.OrdersSubmitted}/inApp");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var etag = read.Headers.ETag!.ToString();
        Assert.True((await JsonAsync(read)).GetProperty("isDefault").GetBoolean());

        var saved = await PutAsync(admin, $"{Path}/{Topics.OrdersSubmitted}/inApp", new { title = "Got it, {{ name }}", body = "Order {{orderId}} has {{itemCount}} items." }, etag);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var view = await JsonAsync(saved);
        Assert.False(view.GetProperty("isDefault").GetBoolean());
        Assert.Equal("admin-1", view.GetProperty("updatedBy").GetString());
        Assert.NotEqual(etag, saved.Headers.ETag!.ToString());
        var stale = await PutAsync(admin, $"{Path}/{Topics.OrdersSubmitted}/inApp", new { title = "Lost", body = "Lost update" }, etag);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var sidecar = factory.CreateClient();
        var userId = await RegisteredAsync(sidecar, name: "Grace");
        var orderId = NewId("order");
        Assert.Equal("SUCCESS", await DeliverAsync(sidecar, Topics.OrdersSubmitted, new OrderSubmittedV1(orderId, userId, "EUR", [new OrderLineV1("SKU-1", 4)])));
        var item = (await FeedAsync(factory, userId))[0];
        Assert.Equal("Got it, Grace", item.GetProperty("title").GetString());
        Assert.Equal($"Order {orderId} has 4 items.", item.GetProperty("body").GetString());
    }

    [Fact]
    public async Task Unknown_placeholders_and_fields_a_channel_does_not_have_are_field_errors()
    {
        var admin = factory.ClientAs("admin");
        var etag = (await admin.GetAsync($"{Path}/{Topics.OrdersConfirmed}/email")).Headers.ETag!.ToString();

        var unknown = await PutAsync(admin, $"{Path}/{Topics.OrdersConfirmed}/email", new { subject = "Order {{orderId}}", body = "Paid {{totl}}" }, etag);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("{{totl}}", (await JsonAsync(unknown)).GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.Ordinal);
        var malformed = await PutAsync(admin, $"{Path}/{Topics.OrdersConfirmed}/email", new { subject = "Order {{order-id}}", body = "Paid" }, etag);
        Assert.True((await JsonAsync(malformed)).GetProperty("errors").TryGetProperty("subject", out _));
        var noSubject = await JsonAsync(await PutAsync(admin, $"{Path}/{Topics.OrdersConfirmed}/email", new { body = "Paid" }, etag));
        Assert.True(noSubject.GetProperty("errors").TryGetProperty("subject", out _));
        var smsWithSubject = await JsonAsync(await PutAsync(admin, $"{Path}/{Topics.OrdersConfirmed}/sms", new { subject = "x", body = "Paid {{total}}" }, etag));
        Assert.True(smsWithSubject.GetProperty("errors").TryGetProperty("subject", out _));

        var stillDefault = await GetJsonAsync(admin, $"{Path}/{Topics.OrdersConfirmed}/email");
        Assert.True(stillDefault.GetProperty("isDefault").GetBoolean());
    }

    [Fact]
    public async Task An_edit_needs_if_match_and_unknown_templates_are_404()
    {
        var admin = factory.ClientAs("admin");

        var withoutIfMatch = await admin.PutAsJsonAsync($"{Path}/{Topics.OrdersCancelled}/email", new { subject = "s", body = "b" });
        Assert.Equal(HttpStatusCode.PreconditionRequired, withoutIfMatch.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{Path}/orders.unknown/email")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{Path}/{Topics.ShipmentsStatusChanged}/email")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{Path}/{Topics.OrdersConfirmed}/fax")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PutAsync(admin, $"{Path}/orders.unknown/email", new { subject = "s", body = "b" }, "\"1\"")).StatusCode);
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string path, object body, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body, options: new JsonSerializerOptions(JsonSerializerDefaults.Web)) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }
}
