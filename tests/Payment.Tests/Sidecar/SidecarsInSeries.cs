namespace Ecommerce.Payment.Tests.Sidecar;

/// <summary>The sidecar tests run one after the other: one of them names a sidecar <c>ordering</c>, a machine-wide name.</summary>
[CollectionDefinition(Name)]
public sealed class SidecarsInSeries
{
    public const string Name = "payment sidecars";
}
