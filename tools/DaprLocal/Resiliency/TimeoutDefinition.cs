namespace Ecommerce.DaprLocal.Resiliency;

/// <summary>A named timeout; zero means no timeout, as in daprd.</summary>
public sealed record TimeoutDefinition(string Name, TimeSpan Duration, string Location);
