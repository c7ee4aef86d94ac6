using System.Net.Mail;
using Ecommerce.Notification.Delivery;
using Ecommerce.Notification.Feed;
using Ecommerce.Notification.Infrastructure;
using Ecommerce.Notification.Model;
using Ecommerce.Notification.Templates;
using Ecommerce.ServiceDefaults.State;

namespace Ecommerce.Notification.Dispatching;

/// <summary>
/// Turns an <see cref="Occurrence"/> into messages, one per channel, each exactly once: claim the delivery
/// records (first-write), apply the preferences, render the template, send, record the outcome. A delivery that
/// was sent or skipped before is not touched again; a failed or abandoned one is retried by the next delivery of
/// the event. Nothing that may hold a secret (message texts, placeholder values) is logged or stored with the
/// record; error texts are scrubbed of secret values.
/// <para>
/// Everything a dispatch starts from is read in one call to the sidecar (the contact, the preferences, the
/// templates, the delivery records, the history and the feed), and every channel is claimed in one transaction:
/// an event costs a few round trips whatever its channels. A value is read again only after a conflict.
/// </para>
/// </summary>
public sealed partial class Dispatcher(
    ITransactionalStore store,
    TemplateStore templates,
    DeliveryLedger ledger,
    InAppFeed feed,
    EmailSender email,
    SmsSender sms,
    TimeProvider clock,
    ILogger<Dispatcher> logger)
{
    public async Task<DispatchOutcome> DispatchAsync(Occurrence occurrence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(occurrence);
        var definition = TemplateCatalog.Get(occurrence.EventType);
        var user = occurrence.UserId;
        var channels = occurrence.Channels.Distinct().ToList();
        var deliveryIds = channels.Select(channel => DeliveryIds.Of(occurrence.EventType, occurrence.BusinessKey, channel, user)).ToList();
        var known = await store.ReadAsync(
            [
                NotificationStateKeys.Contact(user),
                NotificationStateKeys.Preferences(user),
                NotificationStateKeys.History(user),
                // The feed (up to its limit of items) only when it is written to.
                .. channels.Contains(DeliveryChannel.InApp) ? [NotificationStateKeys.Feed(user)] : Array.Empty<string>(),
                .. channels.Select(channel => NotificationStateKeys.Template(occurrence.EventType, channel)),
                .. deliveryIds.Select(NotificationStateKeys.Delivery),
            ],
            cancellationToken);
        var contact = known.Get<Contact>(NotificationStateKeys.Contact(user))?.Value;
        var choices = known.Get<Preferences>(NotificationStateKeys.Preferences(user))?.Value ?? Preferences.Default;
        var values = new Dictionary<string, string>(occurrence.Values, StringComparer.Ordinal);
        if (!values.ContainsKey("name"))
        {
            values["name"] = string.IsNullOrWhiteSpace(contact?.Name) ? "customer" : contact.Name;
        }
        var secrets = values.Where(pair => definition.IsSecret(pair.Key) && pair.Value.Length > 0).Select(pair => pair.Value).ToList();

        var recipients = channels.Select(channel => Recipient(occurrence, channel, contact, choices)).ToList();
        var requests = channels.Select((channel, i) => new DeliveryRequest(
            new DeliveryRecord(deliveryIds[i], user, occurrence.EventType, channel, recipients[i].Masked, DeliveryState.Pending, 0, null, clock.GetUtcNow(), null, null),
            DeliveryRules.SkipReason(definition.Category, channel, choices) ?? recipients[i].Unreachable)).ToList();
        var claims = await ledger.ClaimAsync(requests, known, cancellationToken);

        var outcome = DispatchOutcome.Success;
        for (var i = 0; i < channels.Count; i++)
        {
            var result = await DeliverAsync(occurrence, definition, channels[i], recipients[i].Address, claims[i], values, secrets, known, cancellationToken);
            outcome = Worst(outcome, result);
        }
        return outcome;
    }

    private async Task<DispatchOutcome> DeliverAsync(
        Occurrence occurrence, TemplateDefinition definition, DeliveryChannel channel, string? recipient, DeliveryClaim claim,
        Dictionary<string, string> values, List<string> secrets, StateReads known, CancellationToken cancellationToken)
    {
        if (claim.Kind == DeliveryClaimKind.Done)
        {
            return DispatchOutcome.Success;
        }
        var id = claim.Record?.Id ?? DeliveryIds.Of(occurrence.EventType, occurrence.BusinessKey, channel, occurrence.UserId);
        if (claim.Kind == DeliveryClaimKind.Busy)
        {
            LogBusy(logger, occurrence.EventType, id);
            return DispatchOutcome.Retry;
        }
        if (await templates.GetAsync(occurrence.EventType, channel, known, cancellationToken) is not { } template)
        {
            await ledger.FinishAsync(claim, DeliveryState.Failed, $"There is no {NotificationStateKeys.ChannelName(channel)} template for {occurrence.EventType}.", cancellationToken);
            return DispatchOutcome.Drop;
        }
        var body = Placeholders.Render(template.Value.Body, values);
        try
        {
            switch (channel)
            {
                case DeliveryChannel.Email:
                    await email.SendAsync(new EmailMessage(id, recipient!, Placeholders.SingleLine(Placeholders.Render(template.Value.Subject ?? "", values)), body, clock.GetUtcNow()), cancellationToken);
                    break;
                case DeliveryChannel.Sms:
                    await sms.SendAsync(new SmsMessage(id, recipient!, body, clock.GetUtcNow()), cancellationToken);
                    break;
                default:
                    var title = Placeholders.SingleLine(Placeholders.Render(template.Value.Title ?? "", values));
                    if (!await feed.DeliverAsync(claim, definition.Category, title, body, known, cancellationToken))
                    {
                        LogBusy(logger, occurrence.EventType, id);
                        return DispatchOutcome.Retry;
                    }
                    return DispatchOutcome.Success;
            }
        }
        catch (OutputBindingException error)
        {
            var message = Scrub(error.Message, secrets);
            LogSendFailed(logger, occurrence.EventType, id, NotificationStateKeys.ChannelName(channel), error.Transient, message);
            await ledger.FinishAsync(claim, DeliveryState.Failed, message, cancellationToken);
            return error.Transient ? DispatchOutcome.Retry : DispatchOutcome.Drop;
        }
        await ledger.FinishAsync(claim, DeliveryState.Sent, null, cancellationToken);
        return DispatchOutcome.Success;
    }

    /// <summary>The address to use, its masked form for history, and why there is none.</summary>
    private static (string? Address, string Masked, string? Unreachable) Recipient(Occurrence occurrence, DeliveryChannel channel, Contact? contact, Preferences choices)
    {
        switch (channel)
        {
            case DeliveryChannel.Email:
                var address = occurrence.EmailAddress ?? contact?.Email;
                if (string.IsNullOrWhiteSpace(address))
                {
                    return (null, "unknown", "No email address is known for the user (no users.registered event received for them).");
                }
                return MailAddress.TryCreate(address, out var parsed) && parsed.Address == address.Trim()
                    ? (address.Trim(), RecipientMask.Email(address.Trim()), null)
                    : (null, RecipientMask.Email(address), "The user's email address is not a valid address.");
            case DeliveryChannel.Sms:
                return PhoneNumbers.IsE164(choices.PhoneNumber)
                    ? (choices.PhoneNumber!, RecipientMask.Phone(choices.PhoneNumber!), null)
                    : (null, "unknown", "The user has no phone number for SMS.");
            default:
                return (occurrence.UserId, RecipientMask.InAppFeed, null);
        }
    }

    /// <summary>Retry beats drop beats success: a redelivery is the only way to finish what can still succeed.</summary>
    private static DispatchOutcome Worst(DispatchOutcome first, DispatchOutcome second) =>
        first == DispatchOutcome.Retry || second == DispatchOutcome.Retry ? DispatchOutcome.Retry
        : first == DispatchOutcome.Drop || second == DispatchOutcome.Drop ? DispatchOutcome.Drop
        : DispatchOutcome.Success;

    private static string Scrub(string text, List<string> secrets) =>
        secrets.Aggregate(text, (scrubbed, secret) => scrubbed.Replace(secret, "[redacted]", StringComparison.Ordinal));

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} of {EventType} is being attempted elsewhere; asking for a redelivery")]
    private static partial void LogBusy(ILogger logger, string eventType, string deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} of {EventType} on {Channel} failed (transient: {Transient}): {Error}")]
    private static partial void LogSendFailed(ILogger logger, string eventType, string deliveryId, string channel, bool transient, string error);
}
