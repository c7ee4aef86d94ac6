using Ecommerce.Contracts;
using Ecommerce.Gateway.RateLimiting;
using Ecommerce.ServiceDefaults.Auth;

namespace Ecommerce.Gateway.Routing;

/// <summary>
/// The route table: which public paths reach which service, and who may call them. Anything not
/// listed here (or listed in <see cref="NotRoutedPaths"/>) is a 404 at the gateway: the services'
/// <c>/integration-events</c>, <c>/dapr</c>, <c>/healthz</c> and internal APIs are never reachable from outside.
/// </summary>
public static class ServiceRoutes
{
    private static readonly string[] Reads = ["GET", "HEAD"];
    private static readonly string[] Post = ["POST"];

    public static IReadOnlyList<ServiceRoute> All { get; } =
    [
        // Catalog: anyone browses; only admins change products and categories.
        new("catalog-read", AppIds.Catalog, "/api/catalog/{**rest}", RouteAccess.Anonymous, Reads),
        new("catalog-write", AppIds.Catalog, "/api/catalog/{**rest}", Policies.Admin, Order: 1),

        // Pricing: quotes and list prices are public (storefront, cart); the rest is back office.
        new("pricing-quotes", AppIds.Pricing, "/api/pricing/quotes", RouteAccess.Anonymous, Post),
        new("pricing-prices-read", AppIds.Pricing, "/api/pricing/prices/{**rest}", RouteAccess.Anonymous, Reads),
        new("pricing", AppIds.Pricing, "/api/pricing/{**rest}", Policies.Support),

        // Inventory: availability is public; stock and warehouses are back office. Reservations are
        // internal (ordering reaches them by invocation) and never routed: see NotRoutedPaths.
        new("inventory-availability", AppIds.Inventory, "/api/inventory/availability", RouteAccess.Anonymous, Post),
        new("inventory", AppIds.Inventory, "/api/inventory/{**rest}", Policies.Support),

        // Cart: anonymous carts (X-Cart-Id) are allowed, the service requires a customer where it must.
        new("cart", AppIds.Cart, "/api/cart/{**rest}", RouteAccess.Anonymous),
        new("wishlist", AppIds.Cart, "/api/wishlist/{**rest}", Policies.Customer),
        new("carts-support", AppIds.Cart, "/api/carts/{**rest}", Policies.Support),

        // Identity: one's own account for any signed-in user, user administration for admins; the rest
        // (register, login, token refresh, email verification, password reset) is anonymous and
        // the target of credential stuffing, so it has the stricter per-IP limit.
        new("identity-me", AppIds.Identity, "/api/identity/me/{**rest}", RouteAccess.Authenticated),
        new("identity-admin", AppIds.Identity, "/api/identity/admin/{**rest}", Policies.Admin),
        new("identity-public", AppIds.Identity, "/api/identity/{**rest}", RouteAccess.Anonymous, RateLimit: RateLimitPolicies.Auth),
        new("identity-discovery", AppIds.Identity, "/.well-known/{**rest}", RouteAccess.Anonymous),

        // Payment: a customer's own saved cards and payments; the rest (authorize, capture, refunds,
        // disputes) is back office here and service-to-service for ordering, which the service checks.
        new("payment-methods", AppIds.Payment, "/api/payments/methods/{**rest}", Policies.Customer),
        new("payment-mine", AppIds.Payment, "/api/payments/mine", Policies.Customer, Reads),
        new("payment", AppIds.Payment, "/api/payments/{**rest}", Policies.Support),

        // Shipping: options and public tracking for anyone; rates and shipments are back office.
        new("shipping-options", AppIds.Shipping, "/api/shipping/options", RouteAccess.Anonymous, Post),
        new("shipping-tracking", AppIds.Shipping, "/api/shipping/tracking/{**rest}", RouteAccess.Anonymous, Reads),
        new("shipping", AppIds.Shipping, "/api/shipping/{**rest}", Policies.Support),

        // Ordering: a customer's own orders, checkout and returns; the back office (order search,
        // saga view, fraud decisions, return approval) is for support, and the service requires admin
        // where money moves.
        new("orders-admin", AppIds.Ordering, "/api/orders/admin/{**rest}", Policies.Support),
        new("orders", AppIds.Ordering, "/api/orders/{**rest}", Policies.Customer),

        // Notification: one's own feed (with its live stream), preferences and history for any
        // signed-in user; templates for admins.
        new("notifications-admin", AppIds.Notification, "/api/notifications/admin/{**rest}", Policies.Admin),
        new("notifications", AppIds.Notification, "/api/notifications/{**rest}", RouteAccess.Authenticated),
    ];

    /// <summary>The services behind the gateway, each once.</summary>
    public static IReadOnlyList<string> Services { get; } = All.Select(route => route.AppId).Distinct().ToList();
}
