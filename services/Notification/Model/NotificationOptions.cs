namespace Ecommerce.Notification.Model;

/// <summary>Settings of the notification service (section <c>Notification</c>).</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Notification";

    public EmailOptions Email { get; set; } = new();

    public SmsOptions Sms { get; set; } = new();

    public FeedOptions Feed { get; set; } = new();

    /// <summary>How often a read-modify-write is tried again when a concurrent change won, before giving up (409 or a redelivery).</summary>
    public int ConcurrencyAttempts { get; set; } = 20;

    /// <summary>How many deliveries a user's history lists (the oldest fall off).</summary>
    public int HistoryLimit { get; set; } = 500;

    /// <summary>How long a delivery record (and so the deduplication of its event) is kept.</summary>
    public TimeSpan RetainFor { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// A pending delivery younger than this is taken to be in progress elsewhere (another replica, a concurrent
    /// redelivery): the event is answered RETRY instead of sending a second copy.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many deliveries of an event naming an order not yet known (its <c>orders.*</c> event has not arrived)
    /// are answered RETRY before the event is dropped, with a warning.
    /// </summary>
    public int UnknownOrderAttempts { get; set; } = 10;
}

/// <summary>Section <c>Notification:Email</c>.</summary>
public sealed class EmailOptions
{
    /// <summary>
    /// How to talk to the <c>email</c> binding: <c>file</c> (bindings.localstorage: a whole RFC 5322 message per
    /// file), <c>smtp</c> (bindings.smtp: metadata and an HTML body) or <c>auto</c> (ask the sidecar's metadata API
    /// which type the component is). The two bindings need different request data, so one shape cannot serve both.
    /// </summary>
    public BindingMode Mode { get; set; } = BindingMode.Auto;

    /// <summary>The sender. Empty: the SMTP component's <c>emailFrom</c>, and <see cref="DefaultFrom"/> in files.</summary>
    public string? From { get; set; }

    public const string DefaultFrom = "shop@ecommerce.local";
}

/// <summary>Section <c>Notification:Sms</c>.</summary>
public sealed class SmsOptions
{
    /// <summary><c>file</c> (bindings.localstorage), <c>provider</c> (bindings.twilio.sms and the like: metadata <c>toNumber</c>, the text as data) or <c>auto</c>.</summary>
    public BindingMode Mode { get; set; } = BindingMode.Auto;
}

/// <summary>Section <c>Notification:Feed</c>.</summary>
public sealed class FeedOptions
{
    /// <summary>How many items a user's feed keeps (the oldest fall off).</summary>
    public int Limit { get; set; } = 200;

    /// <summary>
    /// How long one event stream stays open. The gateway's sidecar times notification calls out at 75 s
    /// (components/*/resiliency.yaml): the stream ends before that, with a <c>retry:</c> hint, and the client
    /// reconnects with <c>Last-Event-ID</c>.
    /// </summary>
    public TimeSpan StreamLifetime { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A comment line this often keeps proxies from closing an idle stream.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The reconnection delay sent as <c>retry:</c> when a stream ends.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>How an output binding is spoken to.</summary>
public enum BindingMode
{
    Auto,
    File,
    Smtp,
    Provider,
}
