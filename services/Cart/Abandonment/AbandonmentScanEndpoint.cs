namespace Ecommerce.Cart.Abandonment;

/// <summary>
/// The <c>cart-abandonment-scan</c> cron input binding (components/*/cart-abandonment-scan.yaml)
/// posts to <c>/cart-abandonment-scan</c> on its schedule. A cron binding works the same on daprd
/// and DaprLocal, needs no actor placement, and with several replicas each may scan: the scan is
/// safe to overlap (see <see cref="AbandonmentScanner"/>). A failure answers 500, and the next
/// occurrence scans again.
/// </summary>
public static class AbandonmentScanEndpoint
{
    public const string BindingName = "cart-abandonment-scan";

    public static IEndpointRouteBuilder MapAbandonmentScan(this IEndpointRouteBuilder app)
    {
        app.MapPost($"/{BindingName}", async (AbandonmentScanner scanner, CancellationToken cancellationToken) =>
                TypedResults.Ok(new AbandonmentScanResult(await scanner.ScanAsync(cancellationToken))))
            .ExcludeFromDescription()
            .AllowAnonymous();
        return app;
    }
}

/// <summary>How many carts one scan announced abandoned.</summary>
public sealed record AbandonmentScanResult(int Announced);
