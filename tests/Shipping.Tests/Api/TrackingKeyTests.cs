using System.Net;
using System.Text.Json;
using Ecommerce.Contracts;
using Ecommerce.TestSupport.Sidecars;
using static Ecommerce.Shipping.Tests.Api.ShippingRequests;

namespace Ecommerce.Shipping.Tests.Api;

/// <summary>What the service does while its tracking key (the secret SHIPPING_TRACKING_KEY) is missing or refused.</summary>
public sealed class TrackingKeyTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Without_the_secret_readiness_fails_and_creation_answers_503_until_the_secret_appears()
    {
        await using var factory = await StartAsync();
        var ordering = factory.Ordering();
        var orderId = NewOrderId();

        var refused = await CreateAsync(ordering, Shipment(orderId));
        var check = await TrackingKeyCheckAsync(factory);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("tracking-key-unavailable", Text(await JsonAsync(refused), "reason"));
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal("unhealthy", Text(check, "status"));
        Assert.Contains(SecretNames.ShippingTrackingKey, Text(check, "description"), StringComparison.Ordinal);
        Assert.Null(await factory.Shipments.GetAsync(orderId, CancellationToken.None));

        factory.Secrets.Values[SecretNames.ShippingTrackingKey] = TestTrackingKeys.New();
        await Eventually.TrueAsync(async () => Text(await TrackingKeyCheckAsync(factory), "status") == "healthy", Patience, "the key is read again");
        Assert.Equal(HttpStatusCode.Created, (await CreateAsync(ordering, Shipment(orderId))).StatusCode);
    }

    [Fact]
    public async Task A_key_shorter_than_32_characters_is_refused_without_showing_it()
    {
        await using var factory = await StartAsync();
        var shortKey = TestTrackingKeys.New()[..31];
        factory.Secrets.Values[SecretNames.ShippingTrackingKey] = shortKey;

        await Eventually.TrueAsync(async () => Text(await TrackingKeyCheckAsync(factory), "description").Contains("refused", StringComparison.Ordinal),
            Patience, "the short key is read and refused");
        var check = await TrackingKeyCheckAsync(factory);

        Assert.Equal("unhealthy", Text(check, "status"));
        Assert.Contains("at least 32", Text(check, "description"), StringComparison.Ordinal);
        Assert.DoesNotContain(shortKey, Text(check, "description"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await CreateAsync(factory.Ordering(), Shipment(NewOrderId()))).StatusCode);
    }

    private static async Task<ShippingApiFactory> StartAsync()
    {
        var factory = new ShippingApiFactory(withTrackingKey: false);
        await factory.InitializeAsync();
        return factory;
    }

    private static async Task<JsonElement> TrackingKeyCheckAsync(ShippingApiFactory factory)
    {
        using var client = factory.CreateClient();
        var ready = await JsonAsync(await client.GetAsync(new Uri("/readyz", UriKind.Relative)));
        return ready.GetProperty("checks").GetProperty("tracking-key");
    }
}
