using Grpc.Core;

namespace Ecommerce.DaprLocal.Resiliency;

/// <summary>
/// How one attempt ended, as far as resiliency cares: success, or failure with an optional HTTP or
/// gRPC status code. The code is what a retry policy's <c>matching</c> lists are checked against;
/// a failure without a code is always retryable, as in daprd.
/// </summary>
public readonly record struct AttemptOutcome
{
    private AttemptOutcome(bool isSuccess, int? httpStatusCode, int? grpcStatusCode)
    {
        IsSuccess = isSuccess;
        HttpStatusCode = httpStatusCode;
        GrpcStatusCode = grpcStatusCode;
    }

    public bool IsSuccess { get; }

    public int? HttpStatusCode { get; }

    public int? GrpcStatusCode { get; }

    public static AttemptOutcome Success { get; } = new(true, null, null);

    /// <summary>A failure with no status code (connection refused, timeout, ...).</summary>
    public static AttemptOutcome Failure { get; } = new(false, null, null);

    public static AttemptOutcome HttpFailure(int statusCode) => new(false, statusCode, null);

    public static AttemptOutcome GrpcFailure(StatusCode statusCode) => new(false, null, (int)statusCode);

    /// <summary>daprd's reading of an HTTP response: anything below 200 or above 399 failed.</summary>
    public static AttemptOutcome FromHttpStatus(int statusCode) =>
        statusCode is >= 200 and <= 399 ? Success : HttpFailure(statusCode);

    /// <summary>A gRPC call failed unless it ended <see cref="StatusCode.OK"/>.</summary>
    public static AttemptOutcome FromGrpcStatus(StatusCode statusCode) =>
        statusCode == StatusCode.OK ? Success : GrpcFailure(statusCode);
}
