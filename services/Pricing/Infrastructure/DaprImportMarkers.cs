using Dapr.Client;
using Ecommerce.Contracts;

namespace Ecommerce.Pricing.Infrastructure;

/// <summary>
/// Import markers in <c>pricing-store</c> (<see cref="PricingStateKeys.ImportMarker"/>), written with a
/// single save, which the store's outbox does not publish.
/// </summary>
internal sealed class DaprImportMarkers(DaprClient dapr) : IImportMarkers
{
    public async Task<bool> IsDoneAsync(string name, CancellationToken cancellationToken) =>
        await dapr.GetStateAsync<ImportMarker?>(Components.PricingStore, PricingStateKeys.ImportMarker(name), cancellationToken: cancellationToken) is not null;

    public Task MarkDoneAsync(string name, DateTimeOffset at, CancellationToken cancellationToken) =>
        dapr.SaveStateAsync(Components.PricingStore, PricingStateKeys.ImportMarker(name), new ImportMarker(name, at), cancellationToken: cancellationToken);

    private sealed record ImportMarker(string Name, DateTimeOffset DoneAt);
}
