using System.Net;
using System.Text.Json;

namespace Ecommerce.Identity.Tests.Api;

public sealed class OpenApiTests(IdentityApiFactory factory) : IClassFixture<IdentityApiFactory>
{
    [Fact]
    public async Task Every_endpoint_is_documented_with_a_name_and_a_summary()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (Path: path.Name, Method: operation.Name, Operation: operation.Value)))
            .ToList();
        string[] expected =
        [
            "post /api/identity/register", "post /api/identity/verify-email", "post /api/identity/verify-email/resend",
            "post /api/identity/password/forgot", "post /api/identity/password/reset", "post /api/identity/login", "post /api/identity/login/mfa",
            "post /api/identity/token/refresh", "post /api/identity/logout", "get /api/identity/me", "put /api/identity/me",
            "post /api/identity/me/password", "get /api/identity/me/sessions", "delete /api/identity/me/sessions/{id}",
            "post /api/identity/me/mfa/enrol", "post /api/identity/me/mfa/confirm", "post /api/identity/me/mfa/disable",
            "get /api/identity/me/addresses", "post /api/identity/me/addresses", "put /api/identity/me/addresses/{id}",
            "delete /api/identity/me/addresses/{id}", "put /api/identity/me/addresses/{id}/default-shipping",
            "get /api/identity/admin/users/{id}", "get /api/identity/admin/users", "put /api/identity/admin/users/{id}/roles/{role}",
            "delete /api/identity/admin/users/{id}/roles/{role}", "get /.well-known/jwks.json", "get /.well-known/openid-configuration",
        ];
        Assert.Equal(expected.Order(), operations.Select(o => $"{o.Method} {o.Path}").Order());
        Assert.All(operations, o =>
        {
            Assert.True(o.Operation.TryGetProperty("operationId", out _), $"{o.Method} {o.Path} has no name");
            Assert.True(o.Operation.TryGetProperty("summary", out _), $"{o.Method} {o.Path} has no summary");
        });
    }
}
