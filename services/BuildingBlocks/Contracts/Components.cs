namespace Ecommerce.Contracts;

/// <summary>
/// Dapr component names. Every profile under <c>components/</c> defines these same names,
/// so swapping infrastructure is a YAML change and never a code change.
/// </summary>
public static class Components
{
    /// <summary>Domain events (Kafka in full, Redis streams in local, in-memory in embedded).</summary>
    public const string EventsPubSub = "events";

    /// <summary>Commands and background work such as "send this notification".</summary>
    public const string TasksPubSub = "tasks";

    public const string CatalogStore = "catalog-store";

    /// <summary>Price books, price history, discounts, coupons, promotions and tax rules.</summary>
    public const string PricingStore = "pricing-store";

    /// <summary>Carts (with a time to live) and wishlists.</summary>
    public const string CartStore = "cart-store";

    /// <summary>Warehouses, the adjustment audit trail and the availability read model (stock itself lives in the inventory actors).</summary>
    public const string InventoryStore = "inventory-store";

    /// <summary>Payment methods (tokens only, never card numbers), payments with their transactions, disputes.</summary>
    public const string PaymentStore = "payment-store";

    /// <summary>Shipments and the rate table. Cassandra in the full profile: CRUD and TTL only, no ETags, no transactions.</summary>
    public const string ShippingStore = "shipping-store";

    /// <summary>The cron input binding that advances the simulated carrier's shipments.</summary>
    public const string ShippingProgressCron = "shipping-progress";

    /// <summary>Orders with their status history, the idempotency-key index, per-customer order lists and returns.</summary>
    public const string OrderingStore = "ordering-store";

    /// <summary>The cron input binding on which ordering sweeps for orders whose checkout saga stopped.</summary>
    public const string OrderingSweepCron = "ordering-sweep";

    /// <summary>Templates, per-user preferences and contacts, notification history and the in-app feed.</summary>
    public const string NotificationStore = "notification-store";

    /// <summary>The email output binding: local <c>.eml</c> files in embedded, SMTP in local and full.</summary>
    public const string EmailBinding = "email";

    /// <summary>The SMS output binding: local files in embedded and local, Twilio in full.</summary>
    public const string SmsBinding = "sms";

    /// <summary>Users, the email index, sessions, refresh tokens and one-time tokens (always in transactions).</summary>
    public const string IdentityStore = "identity-store";

    /// <summary>
    /// The secret store: server credentials in profiles with servers, and the identity service's
    /// signing key, data-protection key and seeded admin password in every profile.
    /// </summary>
    public const string SecretStore = "secrets";

    /// <summary>Actor state, reminders and workflow instances (the one store with <c>actorStateStore: "true"</c>).</summary>
    public const string ActorStore = "actor-store";
}
