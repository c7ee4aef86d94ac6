using System.Text.Json;
using Ecommerce.Contracts;

namespace Ecommerce.Cart.Infrastructure;

/// <summary>Reads a dependency's 2xx answer; anything else it did not promise means it cannot serve us now.</summary>
internal static class Answers
{
    public static async Task<T> ReadAsync<T>(string appId, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new DependencyUnavailableException(appId, $"unexpected answer {(int)response.StatusCode}");
        }
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(JsonConventions.Options, cancellationToken)
                ?? throw new DependencyUnavailableException(appId, "an empty answer");
        }
        catch (JsonException error)
        {
            throw new DependencyUnavailableException(appId, "an answer that is not the expected JSON", error);
        }
    }
}
