namespace Ecommerce.Identity.Tests.Sidecar;

/// <summary>One identity environment over SQLite (the embedded profile's store) shared by the tests of a class; each test owns its users.</summary>
public sealed class EmbeddedIdentity : IAsyncLifetime
{
    internal IdentityEnvironment Environment { get; private set; } = null!;

    public async Task InitializeAsync() => Environment = await IdentityEnvironment.StartAsync("sqlite");

    public async Task DisposeAsync() => await Environment.DisposeAsync();
}
