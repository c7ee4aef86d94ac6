using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ecommerce.DaprLocal.Api;
using Ecommerce.DaprLocal.Invocation;
using Ecommerce.DaprLocal.PubSub;
using Ecommerce.DaprLocal.Resiliency;
using Ecommerce.DaprLocal.Resources;
using Ecommerce.DaprLocal.Runtime;

namespace Ecommerce.DaprLocal.Subscriptions;

/// <summary>
/// Delivers pub/sub messages to the app as daprd does (contract §5.4): the CloudEvent is POSTed
/// to the route chosen by the subscription's rules; 2xx acknowledges (unless the body says
/// <c>RETRY</c> or <c>DROP</c>, or has a status daprd does not know, which is a failure), 404 drops,
/// anything else fails. Failures are retried by the component's inbound resiliency policy; when
/// that gives up the message goes to the dead-letter topic if there is one, else back to the
/// broker for a later redelivery (at least once).
/// </summary>
public sealed class SubscriptionRunner(
    ComponentRegistry components,
    AppChannel app,
    PublishApi publisher,
    ResiliencyPolicies resiliency,
    SidecarState state,
    ILogger<SubscriptionRunner> logger) : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _subscriptions = [];

    public async Task StartAsync(IReadOnlyList<SubscriptionDefinition> declarative, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(declarative);
        var programmatic = app.Exists ? await ProgrammaticSubscriptions.ReadAsync(app, logger, cancellationToken) : [];

        // One subscription per (pubsub, topic): a programmatic one replaces declarative ones; among
        // declarative ones the first loaded wins.
        var active = programmatic
            .Concat(declarative)
            .GroupBy(s => (s.PubSubName, s.Topic))
            .Select(group => group.First())
            .ToList();

        foreach (var subscription in active.ToArray())
        {
            if (!Accept(subscription))
            {
                active.Remove(subscription);
                continue;
            }
            var pubsub = components.PubSubs[subscription.PubSubName];
            _subscriptions.Add(await pubsub.Broker.SubscribeAsync(
                subscription.Topic,
                pubsub.ConsumerGroup,
                (message, token) => DeliverAsync(subscription, message, token),
                cancellationToken));
            SidecarLog.Subscribed(logger, subscription.PubSubName, subscription.Topic, subscription.Kind, subscription.DefaultRoute ?? subscription.Rules[0].Path);
        }
        state.Subscriptions = active;
    }

    private bool Accept(SubscriptionDefinition subscription)
    {
        string? problem = null;
        if (!app.Exists)
        {
            problem = "the sidecar has no app port to deliver to";
        }
        else if (!components.PubSubs.ContainsKey(subscription.PubSubName))
        {
            problem = $"pub/sub '{subscription.PubSubName}' is not a component of this app";
        }
        else if (subscription.BulkRequested)
        {
            problem = "bulk subscribe is not supported by DaprLocal; run under daprd";
        }
        else
        {
            foreach (var rule in subscription.Rules)
            {
                try
                {
                    RouteMatcher.Validate(rule.Match, "/dapr/subscribe");
                }
                catch (ResourceException error)
                {
                    problem = error.Message;
                }
            }
        }
        if (problem is not null)
        {
            SidecarLog.SubscriptionRefused(logger, subscription.PubSubName, subscription.Topic, problem);
        }
        return problem is null;
    }

    private async Task<DeliveryResult> DeliverAsync(SubscriptionDefinition subscription, PubSubMessage message, CancellationToken cancellationToken)
    {
        var envelope = subscription.RawPayload
            ? CloudEvents.WrapRaw(message.Data, subscription.PubSubName, subscription.Topic, message.Metadata.GetValueOrDefault("traceparent"))
            : CloudEvents.ParseObject(message.Data);
        var id = envelope?["id"]?.ToString() ?? "(unreadable)";
        if (envelope is null)
        {
            return await GiveUpAsync(subscription, message, id, "the message is not a CloudEvent (JSON object)", DeliveryResult.Retry, cancellationToken);
        }
        if (envelope["expiration"]?.ToString() is { } expiration
            && DateTimeOffset.TryParse(expiration, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var expires)
            && expires < DateTimeOffset.UtcNow)
        {
            return await GiveUpAsync(subscription, message, id, "the message expired", DeliveryResult.Drop, cancellationToken);
        }

        var route = subscription.Rules.FirstOrDefault(rule => RouteMatcher.Matches(rule.Match, envelope))?.Path ?? subscription.DefaultRoute;
        if (route is null)
        {
            return await GiveUpAsync(subscription, message, id, "no routing rule matched and there is no default route", DeliveryResult.Drop, cancellationToken);
        }

        var body = Encoding.UTF8.GetBytes(envelope.ToJsonString());
        var policy = resiliency.ForComponentInbound(subscription.PubSubName, ComponentKind.PubSub);
        DeliveryResult result;
        try
        {
            result = await policy.ExecuteAsync(
                token => PostAsync(subscription, message, route, body, token),
                outcome => outcome == DeliveryResult.Retry ? AttemptOutcome.Failure : AttemptOutcome.Success,
                cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            SidecarLog.DeliveryFailed(logger, id, subscription.PubSubName, subscription.Topic, route, error.Message);
            result = DeliveryResult.Retry;
        }

        return result == DeliveryResult.Success
            ? result
            : await GiveUpAsync(subscription, message, id, result == DeliveryResult.Drop ? "the app answered DROP" : "delivery kept failing", result, cancellationToken);
    }

    private async Task<DeliveryResult> PostAsync(SubscriptionDefinition subscription, PubSubMessage message, string route, byte[] body, CancellationToken cancellationToken)
    {
        using var request = app.CreateRequest(HttpMethod.Post, "/" + route.TrimStart('/'));
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.TryAddWithoutValidation("Content-Type", CloudEvents.ContentType);
        foreach (var (key, value) in message.Metadata)
        {
            request.Headers.TryAddWithoutValidation(key, value);
        }
        request.Headers.TryAddWithoutValidation("pubsubname", subscription.PubSubName);

        using var response = await app.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            // daprd drops on 404: the app has no such route, retrying cannot help.
            SidecarLog.MessageDropped(logger, "", subscription.PubSubName, subscription.Topic, $"the app answered 404 for {route}");
            return DeliveryResult.Drop;
        }
        if (!response.IsSuccessStatusCode)
        {
            SidecarLog.DeliveryFailed(logger, "", subscription.PubSubName, subscription.Topic, route, $"status {(int)response.StatusCode}");
            return DeliveryResult.Retry;
        }
        return StatusOf(await response.Content.ReadAsByteArrayAsync(cancellationToken));
    }

    /// <summary>daprd reads an optional <c>{"status": ...}</c>: exact upper-case words, anything else is an error.</summary>
    private static DeliveryResult StatusOf(byte[] body)
    {
        if (body.Length == 0)
        {
            return DeliveryResult.Success;
        }
        JsonObject? answer;
        try
        {
            answer = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return DeliveryResult.Success;
        }
        var status = answer?.FirstOrDefault(pair => pair.Key.Equals("status", StringComparison.OrdinalIgnoreCase)).Value;
        if (status is not JsonValue value || !value.TryGetValue<string>(out var text))
        {
            return DeliveryResult.Success;
        }
        return text switch
        {
            "" or "SUCCESS" => DeliveryResult.Success,
            "DROP" => DeliveryResult.Drop,
            _ => DeliveryResult.Retry,
        };
    }

    private async Task<DeliveryResult> GiveUpAsync(
        SubscriptionDefinition subscription, PubSubMessage message, string id, string reason, DeliveryResult outcome, CancellationToken cancellationToken)
    {
        if (subscription.DeadLetterTopic is { } deadLetter)
        {
            await publisher.PublishEnvelopeAsync(subscription.PubSubName, deadLetter, message.Data, new Dictionary<string, string>(), cancellationToken);
            SidecarLog.DeadLettered(logger, id, subscription.PubSubName, subscription.Topic, deadLetter);
            return DeliveryResult.Success;
        }
        if (outcome == DeliveryResult.Drop)
        {
            SidecarLog.MessageDropped(logger, id, subscription.PubSubName, subscription.Topic, reason);
        }
        return outcome;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var subscription in _subscriptions)
        {
            await subscription.DisposeAsync();
        }
        _subscriptions.Clear();
    }
}
