namespace Ecommerce.Gateway.Routing;

/// <summary>
/// Who may pass a route besides the role policies (<c>Policies.Customer</c>, <c>Support</c>, <c>Admin</c>).
/// The values are YARP's reserved policy names. The gateway is the first check, never the only one:
/// the token goes on unchanged and each service authorizes again, more finely.
/// </summary>
public static class RouteAccess
{
    /// <summary>Anyone, with or without a token.</summary>
    public const string Anonymous = "anonymous";

    /// <summary>Any signed-in user, whatever the role.</summary>
    public const string Authenticated = "default";
}
