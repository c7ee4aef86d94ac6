namespace Ecommerce.Pricing.Infrastructure;

/// <summary>Marks of one-time imports that are done, so a restart does not run them again.</summary>
public interface IImportMarkers
{
    Task<bool> IsDoneAsync(string name, CancellationToken cancellationToken);

    Task MarkDoneAsync(string name, DateTimeOffset at, CancellationToken cancellationToken);
}
