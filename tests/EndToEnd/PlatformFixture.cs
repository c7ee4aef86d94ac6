using Ecommerce.EndToEnd.Tests.Journey;
using Ecommerce.EndToEnd.Tests.Platform;

namespace Ecommerce.EndToEnd.Tests;

/// <summary>One running platform per profile, shared by that profile's journeys, and the admin signed in.</summary>
public abstract class PlatformFixture : IAsyncLifetime
{
    private readonly List<HttpClient> _clients = [];

    internal RunningPlatform Platform { get; private set; } = null!;

    internal BackOffice Admin { get; private set; } = null!;

    internal abstract PlatformProfile Profile { get; }

    public async Task InitializeAsync()
    {
        Platform = await RunningPlatform.StartAsync(Profile);
        Admin = new BackOffice(Client());
        await Admin.SignInAsync(RunningPlatform.AdminEmail, Platform.AdminPassword);
    }

    internal HttpClient Client()
    {
        var client = Platform.Client();
        _clients.Add(client);
        return client;
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
        if (Platform is not null)
        {
            await Platform.DisposeAsync();
        }
    }
}

public sealed class EmbeddedPlatformFixture : PlatformFixture
{
    internal override PlatformProfile Profile => new EmbeddedProfile();
}

public sealed class LocalPlatformFixture : PlatformFixture
{
    internal override PlatformProfile Profile => new LocalProfile();
}
