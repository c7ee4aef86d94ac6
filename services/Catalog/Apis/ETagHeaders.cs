using Microsoft.Net.Http.Headers;

namespace Ecommerce.Catalog.Apis;

/// <summary>The stored version as an HTTP entity tag: sent in <c>ETag</c>, expected back in <c>If-Match</c>.</summary>
internal static class ETagHeaders
{
    public static void Set(HttpContext http, string etag) =>
        http.Response.Headers[HeaderNames.ETag] = new EntityTagHeaderValue($"\"{etag}\"").ToString();

    /// <summary>The ETag named by an <c>If-Match</c> header (quoted, possibly weak); null when there is none to compare with.</summary>
    public static string? FromIfMatch(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || !EntityTagHeaderValue.TryParse(header.Trim(), out var tag) || tag == EntityTagHeaderValue.Any)
        {
            return null;
        }
        return tag.Tag.ToString().Trim('"');
    }
}
