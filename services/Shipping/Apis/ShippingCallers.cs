using Ecommerce.Contracts;
using Microsoft.AspNetCore.Authorization;

namespace Ecommerce.Shipping.Apis;

/// <summary>
/// Who may use the shipment endpoints: the ordering service (its checkout saga calls through service
/// invocation, with no user token) or a back-office user.
/// <para>
/// The ordering service is recognised by <c>dapr-caller-app-id: ordering</c>. The sidecar sets that
/// header itself on every invocation (and drops one sent by the caller; the gateway also strips
/// <c>dapr-*</c> headers from clients). It can be believed because ServiceDefaults refuses any request
/// without the sidecar's app API token when <c>APP_API_TOKEN</c> is set, as it is in every deployed
/// profile: nothing can reach the app around its sidecar to forge the header. (Without that token —
/// a developer's machine — anyone who can reach the app's port could; the port is bound to loopback.)
/// </para>
/// </summary>
internal static class ShippingCallers
{
    public const string CallerAppHeader = "dapr-caller-app-id";

    /// <summary>Create and cancel: ordering, or an admin.</summary>
    public const string ManageShipments = "shipments-manage";

    /// <summary>Read a shipment and its label: ordering, support or an admin.</summary>
    public const string ReadShipments = "shipments-read";

    public static AuthorizationBuilder AddShippingPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(ManageShipments, policy => policy.RequireAssertion(context => FromOrdering(context) || context.User.IsInRole(Roles.Admin)))
        .AddPolicy(ReadShipments, policy => policy.RequireAssertion(context =>
            FromOrdering(context) || context.User.IsInRole(Roles.Admin) || context.User.IsInRole(Roles.Support)));

    private static bool FromOrdering(AuthorizationHandlerContext context) =>
        context.Resource is HttpContext http
        && string.Equals(http.Request.Headers[CallerAppHeader].ToString(), AppIds.Ordering, StringComparison.Ordinal);
}
