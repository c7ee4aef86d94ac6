namespace Ecommerce.ServiceDefaults.Dapr;

/// <summary>A service's secrets, read from the <c>secrets</c> component through its sidecar.</summary>
public interface ISecretReader
{
    /// <summary>
    /// The secret's value; null when the store has no such secret or it is empty. Throws when the
    /// store cannot be reached (the caller tries again later).
    /// </summary>
    Task<string?> ReadAsync(string name, CancellationToken cancellationToken);
}
