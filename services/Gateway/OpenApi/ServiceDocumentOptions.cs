namespace Ecommerce.Gateway.OpenApi;

/// <summary>Configuration section <c>Gateway:OpenApi</c>.</summary>
public sealed class ServiceDocumentOptions
{
    public const string SectionName = "Gateway:OpenApi";

    /// <summary>How long a service may take to hand over its document.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a fetched document is served from memory before it is fetched again.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(5);
}
