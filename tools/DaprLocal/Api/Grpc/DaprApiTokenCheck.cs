using System.Security.Cryptography;
using System.Text;
using Ecommerce.DaprLocal.Runtime;
using Grpc.Core;

namespace Ecommerce.DaprLocal.Api.Grpc;

/// <summary>
/// daprd's <c>DAPR_API_TOKEN</c> rule for its gRPC port: with a token configured, every call must
/// carry it in the <c>dapr-api-token</c> metadata, else <c>Unauthenticated</c>.
/// </summary>
public sealed class DaprApiTokenCheck(SidecarOptions options)
{
    private readonly byte[]? _expected = options.DaprApiToken is { Length: > 0 } token ? Encoding.UTF8.GetBytes(token) : null;

    public void Verify(ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_expected is not null
            && !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(context.RequestHeaders.GetValue("dapr-api-token") ?? ""), _expected))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "authentication error: api token mismatch"));
        }
    }
}
