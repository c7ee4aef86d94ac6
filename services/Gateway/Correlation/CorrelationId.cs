using System.Buffers;

namespace Ecommerce.Gateway.Correlation;

/// <summary>
/// The id that ties together everything done for one client request, across services and logs.
/// A client may send its own (<c>X-Correlation-Id</c>, at most 64 characters of
/// <c>[A-Za-z0-9-_.]</c>, so it is safe in headers and logs); otherwise, or when it is not valid,
/// the gateway makes one.
/// </summary>
public static class CorrelationId
{
    public const string HeaderName = "X-Correlation-Id";
    public const int MaxLength = 64;

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.");

    public static bool IsValid(string? value) =>
        value is { Length: > 0 and <= MaxLength } && !value.AsSpan().ContainsAnyExcept(Allowed);

    /// <summary>
    /// 32 random hex digits. Not a <see cref="Guid.NewGuid"/>: that reads the kernel's random source,
    /// a system call on every request, and a correlation id needs uniqueness, not secrecy.
    /// </summary>
    public static string New() => Random.Shared.GetHexString(32, lowercase: true);

    /// <summary>The id of the current request (set by the middleware on the request's headers).</summary>
    public static string? Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.Headers[HeaderName].ToString() is { Length: > 0 } id ? id : null;
    }
}
