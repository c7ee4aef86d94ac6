using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ecommerce.Catalog.ReadModel;

/// <summary>Readiness: a replica serves listings only once its read model holds every product in state.</summary>
internal sealed class ReadModelHealthCheck(CatalogReadModel readModel) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readModel.IsLoaded
            ? HealthCheckResult.Healthy($"The read model holds {readModel.ProductCount} products.")
            : HealthCheckResult.Unhealthy($"The read model is loading ({readModel.ProductCount} products so far)."));
}
