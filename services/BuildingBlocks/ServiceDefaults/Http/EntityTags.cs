using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Ecommerce.ServiceDefaults.Http;

/// <summary>
/// A Dapr state ETag as the HTTP entity tag of the resource it versions: sent in <c>ETag</c>, and
/// expected back in <c>If-Match</c> so an update changes exactly the version the client read.
/// </summary>
public static class EntityTags
{
    /// <summary>Sets the response's <c>ETag</c>; nothing when there is no stored version yet.</summary>
    public static void Set(HttpContext http, string? etag)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (etag is not null)
        {
            http.Response.Headers[HeaderNames.ETag] = new EntityTagHeaderValue($"\"{etag}\"").ToString();
        }
    }

    /// <summary>
    /// The version an <c>If-Match</c> header names (quoted, possibly weak); null when there is none to
    /// compare with — no header, an unreadable one, or <c>*</c>, which names no version.
    /// </summary>
    public static string? FromIfMatch(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || !EntityTagHeaderValue.TryParse(header.Trim(), out var tag) || tag == EntityTagHeaderValue.Any)
        {
            return null;
        }
        return tag.Tag.ToString().Trim('"');
    }
}
