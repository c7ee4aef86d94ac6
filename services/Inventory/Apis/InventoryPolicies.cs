using Ecommerce.Contracts;
using Ecommerce.ServiceDefaults.Dapr;
using Microsoft.AspNetCore.Authorization;

namespace Ecommerce.Inventory.Apis;

/// <summary>
/// Inventory's own policy beside ServiceDefaults' role policies: stock adjustments are for admins and for the ordering
/// service, which restocks the lines of a return (through its sidecar, recognised by <see cref="DaprCaller"/>, no user token).
/// </summary>
public static class InventoryPolicies
{
    public const string AdminOrOrdering = "inventory-admin-or-ordering";

    public static bool IsOrdering(HttpContext http) => DaprCaller.Is(http, AppIds.Ordering);

    public static AuthorizationBuilder AddInventoryPolicies(this AuthorizationBuilder authorization)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        return authorization.AddPolicy(AdminOrOrdering, policy => policy.RequireAssertion(context =>
            (context.Resource is HttpContext http && IsOrdering(http)) || context.User.IsInRole(Roles.Admin)));
    }
}
