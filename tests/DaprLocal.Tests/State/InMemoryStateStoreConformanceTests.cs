using Ecommerce.DaprLocal.State;

namespace Ecommerce.DaprLocal.Tests.State;

public sealed class InMemoryStateStoreConformanceTests : StateStoreConformanceTests
{
    protected override string ComponentType => "state.in-memory";

    protected override StateStoreFeatures ExpectedFeatures =>
        StateStoreFeatures.ETag | StateStoreFeatures.Transactional | StateStoreFeatures.Ttl;

    protected override string? MalformedETag => null;

    protected override Dictionary<string, string> Metadata() => [];
}
