using Ecommerce.Contracts;
using Microsoft.AspNetCore.Authorization;

namespace Ecommerce.Ordering.Apis;

/// <summary>Ordering's own policy beside ServiceDefaults' role policies: reading one order is for its customer, support and admins.</summary>
public static class OrderingPolicies
{
    public const string OrderReader = "ordering-order-reader";

    public static AuthorizationBuilder AddOrderingPolicies(this AuthorizationBuilder authorization)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        return authorization.AddPolicy(OrderReader, policy => policy.RequireRole(Roles.Customer, Roles.Support, Roles.Admin));
    }
}
