using System.Net;

namespace Ecommerce.ServiceDefaults.Tests;

public sealed class AppApiTokenTests : IAsyncLifetime
{
    private const string Token = "sidecar-to-app-secret";
    private TestService _service = null!;

    public async Task InitializeAsync() => _service = await TestService.StartAsync(appApiToken: Token);

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task A_request_without_the_app_token_is_refused()
    {
        var response = await SendAsync("/dapr/subscribe", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(Token, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_with_a_wrong_app_token_is_refused()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync("/dapr/subscribe", "guess")).StatusCode);
    }

    [Fact]
    public async Task A_request_from_the_sidecar_is_served()
    {
        Assert.Equal(HttpStatusCode.OK, (await SendAsync("/dapr/subscribe", Token)).StatusCode);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/metrics")]
    public async Task Probes_and_scrapes_need_no_app_token(string path)
    {
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(path, token: null)).StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Add("dapr-api-token", token);
        }
        return await _service.Client.SendAsync(request);
    }
}
