namespace Ecommerce.DaprLocal.Api.Http;

/// <summary>daprd passes request metadata as query parameters <c>metadata.&lt;key&gt;=&lt;value&gt;</c>.</summary>
public static class HttpRequestMetadata
{
    private const string Prefix = "metadata.";

    public static Dictionary<string, string> From(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query)
        {
            if (key.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && key.Length > Prefix.Length)
            {
                metadata[key[Prefix.Length..]] = value.ToString();
            }
        }
        return metadata;
    }

    public static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
