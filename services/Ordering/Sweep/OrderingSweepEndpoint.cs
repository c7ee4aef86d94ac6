using Ecommerce.Contracts;

namespace Ecommerce.Ordering.Sweep;

/// <summary>
/// The route of the <c>ordering-sweep</c> cron input binding (the sidecar POSTs to <c>/{binding name}</c> on every tick).
/// Not for people: left out of the API description and allowed without a user token — with <c>APP_API_TOKEN</c> set
/// only the sidecar reaches it. Sweeping twice at once is harmless: every step is idempotent.
/// </summary>
public static class OrderingSweepEndpoint
{
    public const string BindingName = Components.OrderingSweepCron;

    public static IEndpointRouteBuilder MapOrderingSweep(this IEndpointRouteBuilder app)
    {
        app.MapPost($"/{BindingName}", async (OrderingSweep sweep, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sweep.RunAsync(cancellationToken)))
            .ExcludeFromDescription()
            .AllowAnonymous();
        return app;
    }
}
