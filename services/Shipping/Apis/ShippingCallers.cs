using Ecommerce.Contracts;
using Ecommerce.ServiceDefaults.Dapr;
using Microsoft.AspNetCore.Authorization;

namespace Ecommerce.Shipping.Apis;

/// <summary>
/// Who may use the shipment endpoints: the ordering service (its checkout saga calls through service
/// invocation, with no user token; recognised by <see cref="DaprCaller"/>) or a back-office user.
/// </summary>
internal static class ShippingCallers
{
    /// <summary>Create and cancel: ordering, or an admin.</summary>
    public const string ManageShipments = "shipments-manage";

    /// <summary>Read a shipment and its label: ordering, support or an admin.</summary>
    public const string ReadShipments = "shipments-read";

    public static AuthorizationBuilder AddShippingPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(ManageShipments, policy => policy.RequireAssertion(context => FromOrdering(context) || context.User.IsInRole(Roles.Admin)))
        .AddPolicy(ReadShipments, policy => policy.RequireAssertion(context =>
            FromOrdering(context) || context.User.IsInRole(Roles.Admin) || context.User.IsInRole(Roles.Support)));

    private static bool FromOrdering(AuthorizationHandlerContext context) =>
        context.Resource is HttpContext http && DaprCaller.Is(http, AppIds.Ordering);
}
