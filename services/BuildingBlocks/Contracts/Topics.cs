namespace Ecommerce.Contracts;

/// <summary>
/// Pub/sub topics, named <c>&lt;owner&gt;.&lt;fact&gt;</c> in lower kebab case. Declared here once and
/// never derived from CLR type names, so renaming a class never breaks a subscriber.
/// </summary>
public static class Topics
{
    public const string CatalogProductChanged = "catalog.product-changed";
    public const string PricingPriceChanged = "pricing.price-changed";
    public const string InventoryStockChanged = "inventory.stock-changed";
    public const string InventoryLowStock = "inventory.low-stock";
    public const string OrdersSubmitted = "orders.submitted";
    public const string OrdersStatusChanged = "orders.status-changed";
    public const string OrdersConfirmed = "orders.confirmed";
    public const string OrdersCancelled = "orders.cancelled";
    public const string CartAbandoned = "cart.abandoned";
    public const string PaymentsAuthorized = "payments.authorized";
    public const string PaymentsCaptured = "payments.captured";
    public const string PaymentsVoided = "payments.voided";
    public const string PaymentsRefunded = "payments.refunded";
    public const string PaymentsFailed = "payments.failed";
    public const string PaymentsDisputeOpened = "payments.dispute-opened";
    public const string PaymentsDisputeClosed = "payments.dispute-closed";
    public const string ShipmentsStatusChanged = "shipments.status-changed";
    public const string UsersRegistered = "users.registered";
    public const string UsersEmailVerified = "users.email-verified";
    public const string UsersPasswordResetRequested = "users.password-reset-requested";
    public const string UsersLoginFailed = "users.login-failed";

    /// <summary>
    /// On the <see cref="Components.TasksPubSub"/> component, not <see cref="Components.EventsPubSub"/>: a request
    /// to send one message to one person. It may carry one-time tokens (email verification,
    /// password reset), which is why it is a command to the notification service and not a
    /// domain event every subscriber sees.
    /// </summary>
    public const string NotificationsRequested = "notifications.requested";
}
