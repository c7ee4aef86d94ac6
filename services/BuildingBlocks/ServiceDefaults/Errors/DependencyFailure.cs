using System.Net.Sockets;
using Grpc.Core;

namespace Ecommerce.ServiceDefaults.Errors;

/// <summary>
/// Recognises failures that mean "the sidecar or what is behind it is not reachable right now", another service
/// that could not answer through <see cref="Dapr.ServiceInvoker"/> included.
/// </summary>
public static class DependencyFailure
{
    public static bool IsUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is DependencyUnavailableException
                or RpcException { StatusCode: StatusCode.Unavailable or StatusCode.DeadlineExceeded }
                or HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError }
                or SocketException)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The <see cref="DependencyUnavailableException"/> that says which service and why, however deeply a library wrapped it.</summary>
    public static DependencyUnavailableException? Explained(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is DependencyUnavailableException explained)
            {
                return explained;
            }
        }
        return null;
    }
}
