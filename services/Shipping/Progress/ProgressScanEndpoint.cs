using Ecommerce.Contracts;

namespace Ecommerce.Shipping.Progress;

/// <summary>
/// The <c>shipping-progress</c> cron input binding (components/*/shipping-progress.yaml) posts to
/// <c>/shipping-progress</c> on its schedule, on every replica's sidecar; each replica scans its own
/// index slot (see <see cref="ProgressScanner"/>). A failure answers 500, and the next occurrence scans again.
/// </summary>
public static class ProgressScanEndpoint
{
    public const string BindingName = Components.ShippingProgressCron;

    public static IEndpointRouteBuilder MapProgressScan(this IEndpointRouteBuilder app)
    {
        app.MapPost($"/{BindingName}", async (ProgressScanner scanner, CancellationToken cancellationToken) =>
                TypedResults.Ok(new ProgressScanResult(await scanner.ScanAsync(cancellationToken))))
            .ExcludeFromDescription()
            .AllowAnonymous();
        return app;
    }
}

/// <summary>How many status changes one scan announced.</summary>
public sealed record ProgressScanResult(int Announced);
