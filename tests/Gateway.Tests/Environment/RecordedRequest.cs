namespace Ecommerce.Gateway.Tests.Environment;

/// <summary>A request as a service behind the gateway received it.</summary>
internal sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
