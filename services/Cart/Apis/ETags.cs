using Microsoft.Net.Http.Headers;

namespace Ecommerce.Cart.Apis;

/// <summary>The store's ETag travels as the HTTP ETag; clients may send it back in If-Match to change exactly that version.</summary>
internal static class ETags
{
    public static void Set(HttpContext http, string? etag)
    {
        if (etag is not null)
        {
            http.Response.Headers[HeaderNames.ETag] = new EntityTagHeaderValue($"\"{etag}\"").ToString();
        }
    }

    /// <summary>The version an If-Match header names (quotes and a weak prefix removed), or null when there is none.</summary>
    public static string? FromIfMatch(string? ifMatch)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return null;
        }
        var value = ifMatch.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }
        return value.Trim('"');
    }
}
