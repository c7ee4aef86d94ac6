namespace Ecommerce.Notification.Infrastructure;

/// <summary>
/// The sidecar's output bindings: invoke one, and tell which component type one is (from the metadata API), so
/// the service can speak to <c>bindings.localstorage</c> and <c>bindings.smtp</c> alike without knowing its profile.
/// Failures are <see cref="OutputBindingException"/>.
/// </summary>
public interface IOutputBindings
{
    Task InvokeAsync(string binding, string operation, ReadOnlyMemory<byte> data, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken);

    /// <summary>The component type (<c>bindings.smtp</c>), or null when the sidecar has no such component.</summary>
    Task<string?> TypeOfAsync(string binding, CancellationToken cancellationToken);
}
