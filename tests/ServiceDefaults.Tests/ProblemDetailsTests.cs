using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Ecommerce.ServiceDefaults.Tests;

public sealed class ProblemDetailsTests : IAsyncLifetime
{
    private TestService _service = null!;

    public async Task InitializeAsync() => _service = await TestService.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task Invalid_input_is_a_400_problem_with_errors_keyed_by_json_field()
    {
        var response = await _service.Client.PostAsJsonAsync(
            new Uri("/things", UriKind.Relative),
            new { name = "", colour = "blue", lines = new[] { new { sku = "A-1", quantity = 0 } } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("lines[0].quantity", out _));
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("traceId").GetString()));
    }

    [Fact]
    public async Task Valid_input_reaches_the_handler_and_enums_travel_as_strings()
    {
        var response = await _service.Client.PostAsJsonAsync(
            new Uri("/things", UriKind.Relative),
            new { name = "kettle", colour = "deepRed", lines = new[] { new { sku = "A-1", quantity = 2 } } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("deepRed", body.RootElement.GetProperty("colour").GetString());
        Assert.Equal(2, body.RootElement.GetProperty("lines")[0].GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_that_says_why()
    {
        using var content = new StringContent("{\"name\": \"kettle\", \"lines\": [", Encoding.UTF8, "application/json");

        var response = await _service.Client.PostAsync(new Uri("/things", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("JSON", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_enum_value_is_a_400_not_a_500()
    {
        var response = await _service.Client.PostAsJsonAsync(
            new Uri("/things", UriKind.Relative),
            new { name = "kettle", colour = "purple", lines = Array.Empty<object>() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_exception_is_a_500_problem_without_its_details_outside_development()
    {
        var response = await _service.Client.GetAsync(new Uri("/things/boom", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("secret internal detail", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_sidecar_is_a_503_problem_with_retry_after()
    {
        var response = await _service.Client.GetAsync(new Uri("/things/stored/some-key", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        var response = await _service.Client.GetAsync(new Uri("/no/such/thing", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_wrong_method_is_a_405_problem()
    {
        var response = await _service.Client.DeleteAsync(new Uri("/things", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
