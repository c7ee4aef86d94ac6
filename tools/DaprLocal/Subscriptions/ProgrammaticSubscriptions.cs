using System.Text.Json;
using Ecommerce.DaprLocal.Invocation;
using Ecommerce.DaprLocal.Resources;
using Ecommerce.DaprLocal.Runtime;

namespace Ecommerce.DaprLocal.Subscriptions;

/// <summary>
/// Reads the app's <c>GET /dapr/subscribe</c> once, as daprd does at start (with a short retry):
/// 404 means none; keys are matched case-insensitively; v1 <c>route</c> and v2 <c>routes</c> are
/// both understood, <c>routes.default</c> winning over <c>route</c>.
/// </summary>
public static class ProgrammaticSubscriptions
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<IReadOnlyList<SubscriptionDefinition>> ReadAsync(AppChannel app, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var request = app.CreateRequest(HttpMethod.Get, "/dapr/subscribe");
                using var response = await app.SendAsync(request, cancellationToken);
                if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
                {
                    return [];
                }
                if (!response.IsSuccessStatusCode)
                {
                    throw new HttpRequestException($"status {(int)response.StatusCode}");
                }
                var entries = await response.Content.ReadFromJsonAsync<List<SubscribeEntry>>(Json, cancellationToken) ?? [];
                return entries.Select(ToDefinition).OfType<SubscriptionDefinition>().ToArray();
            }
            catch (Exception error) when (error is HttpRequestException or JsonException && attempt < 3)
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken);
            }
            catch (Exception error) when (error is HttpRequestException or JsonException)
            {
                SidecarLog.SubscriptionsUnreadable(logger, error.Message);
                return [];
            }
        }
    }

    private static SubscriptionDefinition? ToDefinition(SubscribeEntry entry)
    {
        if (string.IsNullOrEmpty(entry.PubsubName) || string.IsNullOrEmpty(entry.Topic))
        {
            return null;
        }
        var rules = (entry.Routes?.Rules ?? []).Where(rule => !string.IsNullOrEmpty(rule.Path)).Select(rule => new RouteRule(rule.Match ?? "", rule.Path!)).ToArray();
        var defaultRoute = entry.Routes?.Default is { Length: > 0 } byDefault ? byDefault : entry.Route;
        if (rules.Length == 0 && string.IsNullOrEmpty(defaultRoute))
        {
            return null;
        }
        return new SubscriptionDefinition(
            entry.PubsubName, entry.Topic, rules, defaultRoute, entry.Metadata ?? new Dictionary<string, string>(),
            string.IsNullOrEmpty(entry.DeadLetterTopic) ? null : entry.DeadLetterTopic, SubscriptionKind.Programmatic)
        {
            BulkRequested = entry.BulkSubscribe?.Enabled == true,
        };
    }

    private sealed record SubscribeEntry(
        string? PubsubName, string? Topic, string? Route, SubscribeRoutes? Routes, Dictionary<string, string>? Metadata,
        string? DeadLetterTopic, SubscribeBulk? BulkSubscribe);

    private sealed record SubscribeRoutes(List<SubscribeRule>? Rules, string? Default);

    private sealed record SubscribeRule(string? Match, string? Path);

    private sealed record SubscribeBulk(bool Enabled);
}
