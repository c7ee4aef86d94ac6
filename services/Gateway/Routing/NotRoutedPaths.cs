namespace Ecommerce.Gateway.Routing;

/// <summary>
/// Paths inside a routed prefix that must never leave the gateway: internal service-to-service APIs,
/// anonymous because only other services (through their sidecars) can reach them. Each is a 404
/// problem here, as if it did not exist; being more specific than the service's route, it wins.
/// </summary>
public static class NotRoutedPaths
{
    public static IReadOnlyList<string> All { get; } =
    [
        // Stock reservations: the checkout saga's (ordering's) by invocation, not the public's.
        "/api/inventory/reservations/{**rest}",
    ];

    public static WebApplication MapNotRoutedPaths(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        foreach (var path in All)
        {
            app.Map(path, () => TypedResults.NotFound())
                .AllowAnonymous()
                .ExcludeFromDescription();
        }
        return app;
    }
}
