using Ecommerce.Contracts;
using Ecommerce.ServiceDefaults.Dapr;
using Microsoft.AspNetCore.Authorization;

namespace Ecommerce.Cart.Apis;

/// <summary>
/// The cart service's own policies beside ServiceDefaults' role policies: a customer's cart is also for the ordering
/// service, which reads it to place an order and takes a paid order's lines out of it (through its sidecar, recognised
/// by <see cref="DaprCaller"/>, no user token).
/// </summary>
public static class CartPolicies
{
    public const string SupportOrOrdering = "cart-support-or-ordering";
    public const string AdminOrOrdering = "cart-admin-or-ordering";

    public static AuthorizationBuilder AddCartPolicies(this AuthorizationBuilder authorization)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        return authorization
            .AddPolicy(SupportOrOrdering, policy => policy.RequireAssertion(context =>
                FromOrdering(context) || context.User.IsInRole(Roles.Support) || context.User.IsInRole(Roles.Admin)))
            .AddPolicy(AdminOrOrdering, policy => policy.RequireAssertion(context =>
                FromOrdering(context) || context.User.IsInRole(Roles.Admin)));
    }

    private static bool FromOrdering(AuthorizationHandlerContext context) =>
        context.Resource is HttpContext http && DaprCaller.Is(http, AppIds.Ordering);
}
