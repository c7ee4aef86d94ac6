namespace Ecommerce.Ordering.Tests.Sidecar;

/// <summary>The sidecar tests run one after the other: each starts seven apps with their sidecars and a workflow engine.</summary>
[CollectionDefinition(Name)]
public sealed class SidecarsInSeries
{
    public const string Name = "ordering sidecars";
}
