using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ecommerce.EndToEnd.Tests.Platform;
using MimeKit;

namespace Ecommerce.EndToEnd.Tests.Journey;

/// <summary>A customer doing what a storefront lets them do, through the gateway only.</summary>
internal sealed partial class Shopper(HttpClient http, Mailbox mailbox) : ApiClient(http)
{
    public const string Currency = "EUR";

    /// <summary>The documented test cards of the payment service.</summary>
    public static class Cards
    {
        public const string Success = "4242424242424242";
        public const string Declined = "4000000000000002";
        public const string FraudReview = "4000000000009235";
        public const string TransientError = "4000000000000119";
    }

    public string Email { get; } = $"shopper-{Guid.NewGuid():N}@example.com";

    public string Password { get; } = "Correct-Horse-" + Guid.NewGuid().ToString("N")[..8];

    public string UserId { get; private set; } = "";

    /// <summary>Registers, verifies the email with the token from the verification email, and signs in.</summary>
    public async Task SignUpAsync()
    {
        await PostAsync("api/identity/register", new { email = Email, password = Password, name = "Erika Mustermann" }, HttpStatusCode.Created);
        // Identity sends the code through the notification service; a welcome email may come first.
        var code = await Polling.UntilAsync(
            () => Task.FromResult(mailbox.To(Email).Select(mail => VerificationCode().Match(mail.TextBody ?? mail.HtmlBody ?? "")).FirstOrDefault(match => match.Success)),
            match => match is not null, TimeSpan.FromSeconds(30), _ => $"no verification code for {Email} in {mailbox.Directory}");
        await PostAsync("api/identity/verify-email", new { token = code!.Groups["code"].Value }, HttpStatusCode.NoContent);

        var signedIn = await PostAsync("api/identity/login", new { email = Email, password = Password }, HttpStatusCode.OK);
        UseToken(signedIn["accessToken"]!.GetValue<string>());
        UserId = (await GetAsync("api/identity/me"))["id"]!.GetValue<string>();
    }

    public IReadOnlyList<MimeMessage> Emails() => mailbox.To(Email);

    public async Task AddToCartAsync(string sku, int quantity) =>
        await PostAsync("api/cart/lines", new { sku, quantity }, HttpStatusCode.OK);

    public async Task<string> AddCardAsync(string number) =>
        (await PostAsync("api/payments/methods", new
        {
            cardNumber = number,
            expiryMonth = 12,
            expiryYear = DateTime.UtcNow.Year + 3,
            cvc = "123",
            holderName = "Erika Mustermann",
        }, HttpStatusCode.Created))["id"]!.GetValue<string>();

    /// <summary>Checks the cart out; returns the order id.</summary>
    public async Task<string> CheckoutAsync(string paymentMethodId, string postalCode = "10115", string? idempotencyKey = null) =>
        (await CheckoutResponseAsync(paymentMethodId, postalCode, idempotencyKey ?? Guid.NewGuid().ToString("N")))["orderId"]!.GetValue<string>();

    /// <summary>
    /// Places the order as a careful client does: a 502/503/504 (the gateway gave up waiting) is asked again with
    /// the same idempotency key, which can only give the same order.
    /// </summary>
    public async Task<JsonNode> CheckoutResponseAsync(string paymentMethodId, string postalCode, string idempotencyKey)
    {
        var order = new
        {
            shippingAddress = new { recipient = "Erika Mustermann", line1 = "Unter den Linden 1", city = "Berlin", postalCode, country = "DE" },
            shippingMethod = "standard",
            paymentMethodId,
            currency = Currency,
        };
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = idempotencyKey };
        for (var attempt = 1; ; attempt++)
        {
            var answer = await SendAsync(HttpMethod.Post, "api/orders", order, headers);
            if (attempt == 3 || (int)answer.StatusCode is not (502 or 503 or 504))
            {
                return await ReadAsync(answer, HttpStatusCode.Accepted, "POST api/orders");
            }
            answer.Dispose();
            await Task.Delay(TimeSpan.FromSeconds(attempt));
        }
    }

    public async Task<JsonNode> OrderAsync(string orderId) => await GetAsync($"api/orders/{orderId}");

    public static string StatusOf(JsonNode order) => order["status"]!.GetValue<string>();

    /// <summary>
    /// Waits until the order has been in <paramref name="status"/> (its status history says so: the carrier may move
    /// a confirmed order on to shipped between two reads), failing at once if it ends anywhere else.
    /// </summary>
    public async Task<JsonNode> WaitForStatusAsync(string orderId, string status, TimeSpan? within = null) =>
        await Polling.UntilAsync(
            () => OrderAsync(orderId),
            order => HasBeen(order, status) || (IsTerminal(StatusOf(order)) && Fail(order, status)),
            within ?? TimeSpan.FromSeconds(60),
            order => order.ToJsonString());

    public async Task<JsonArray> MyPaymentsAsync() => (await GetAsync("api/payments/mine")).AsArray();

    public async Task<JsonNode?> PaymentOfAsync(string orderId) =>
        (await MyPaymentsAsync()).FirstOrDefault(payment => payment!["orderId"]!.GetValue<string>() == orderId);

    public async Task<JsonNode> CartAsync() => await GetAsync("api/cart");

    /// <summary>
    /// Listens to the in-app feed's server-sent events through the gateway until an event's data contains
    /// <paramref name="text"/>; <paramref name="whileListening"/> runs once the stream is open.
    /// </summary>
    public async Task<string> ListenForFeedItemAsync(string text, Func<Task> whileListening)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("api/notifications/feed/stream", UriKind.Relative));
        using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        await whileListening();
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("data:", StringComparison.Ordinal) && line.Contains(text, StringComparison.Ordinal))
            {
                return line;
            }
        }
        throw new InvalidOperationException($"The feed stream ended without an item about {text}.");
    }

    public static decimal Total(JsonNode order) => order["totals"]!["total"]!.GetValue<decimal>();

    public static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static bool HasBeen(JsonNode order, string status) =>
        StatusOf(order) == status || order["statusHistory"]!.AsArray().Any(change => change!["status"]!.GetValue<string>() == status);

    private static bool IsTerminal(string status) => status is "rejected" or "paymentFailed" or "failed" or "cancelled";

    private static bool Fail(JsonNode order, string awaited)
    {
        Assert.Fail($"The order ended {StatusOf(order)} instead of reaching {awaited}: {order.ToJsonString()}");
        return true;
    }

    /// <summary>The verification email's code: 32 random bytes, base64url.</summary>
    [GeneratedRegex("verification code is:\\s+(?<code>[A-Za-z0-9_-]{43})")]
    private static partial Regex VerificationCode();
}
