using Ecommerce.Contracts;
using Microsoft.AspNetCore.Authorization;

namespace Ecommerce.Payment.Apis;

/// <summary>
/// The payment service's own authorization policies, beside ServiceDefaults' role policies: the operations the
/// checkout saga drives are for the ordering service (through its sidecar, see <see cref="Callers"/>) or an admin,
/// the history of an order also for support.
/// </summary>
public static class PaymentPolicies
{
    public const string OrderingOrAdmin = "payment-ordering-or-admin";
    public const string OrderingOrSupport = "payment-ordering-or-support";

    public static AuthorizationBuilder AddPaymentPolicies(this AuthorizationBuilder authorization)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        return authorization
            .AddPolicy(OrderingOrAdmin, policy => policy.RequireAssertion(context =>
                FromOrdering(context) || context.User.IsInRole(Roles.Admin)))
            .AddPolicy(OrderingOrSupport, policy => policy.RequireAssertion(context =>
                FromOrdering(context) || context.User.IsInRole(Roles.Admin) || context.User.IsInRole(Roles.Support)));
    }

    private static bool FromOrdering(AuthorizationHandlerContext context) =>
        context.Resource is HttpContext http && Callers.IsOrdering(http);
}
