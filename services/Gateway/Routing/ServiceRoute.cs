namespace Ecommerce.Gateway.Routing;

/// <summary>
/// One line of the route table: requests matching <see cref="Path"/> (and <see cref="Methods"/>, when
/// given) go to <see cref="AppId"/> through the sidecar, if <see cref="Access"/> lets them. Where two
/// lines match, the more specific path wins; for the same path, the lower <see cref="Order"/>.
/// </summary>
/// <param name="Id">The route's name (logs, metrics).</param>
/// <param name="AppId">The Dapr app id the request is invoked on.</param>
/// <param name="Path">An ASP.NET Core route pattern, usually ending in <c>{**rest}</c>.</param>
/// <param name="Access">A policy name (<c>customer</c>, <c>support</c>, <c>admin</c>) or one of <see cref="RouteAccess"/>.</param>
/// <param name="Methods">The HTTP methods it takes; null: all.</param>
/// <param name="RateLimit">A stricter rate-limit policy on top of the general one, or null.</param>
/// <param name="Order">Tie-break between lines with the same path.</param>
public sealed record ServiceRoute(
    string Id,
    string AppId,
    string Path,
    string Access,
    IReadOnlyList<string>? Methods = null,
    string? RateLimit = null,
    int Order = 0);
