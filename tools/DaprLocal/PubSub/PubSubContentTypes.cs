namespace Ecommerce.DaprLocal.PubSub;

internal static class PubSubContentTypes
{
    /// <summary>What a broker message that does not say its content type (one daprd wrote) is taken to hold.</summary>
    public const string Unknown = "application/octet-stream";
}
