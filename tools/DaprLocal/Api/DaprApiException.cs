using Grpc.Core;

namespace Ecommerce.DaprLocal.Api;

/// <summary>
/// An error the Dapr API answers with, carrying both of daprd's spellings of it: the HTTP status
/// with <c>{"errorCode","message"}</c> body, and the gRPC status code with the same message.
/// </summary>
public sealed class DaprApiException(string errorCode, int httpStatus, StatusCode grpcStatus, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public string ErrorCode { get; } = errorCode;

    public int HttpStatus { get; } = httpStatus;

    public StatusCode GrpcStatus { get; } = grpcStatus;
}

/// <summary>The errors daprd returns, by the names and codes it uses (pkg/api/errors, pkg/messages).</summary>
public static class DaprErrors
{
    public static DaprApiException Malformed(string message) =>
        new("ERR_MALFORMED_REQUEST", 400, StatusCode.InvalidArgument, message);

    public static DaprApiException StateStoresNotConfigured() =>
        new("ERR_STATE_STORE_NOT_CONFIGURED", 500, StatusCode.FailedPrecondition, "state store is not configured");

    public static DaprApiException StateStoreNotFound(string name) =>
        new("ERR_STATE_STORE_NOT_FOUND", 400, StatusCode.InvalidArgument, $"state store {name} is not found");

    public static DaprApiException StateStoreNotSupported(string name, string what) =>
        new("ERR_STATE_STORE_NOT_SUPPORTED", 500, StatusCode.Unimplemented, $"state store {name} doesn't support {what}");

    public static DaprApiException KeyWithSeparator(string key) =>
        Malformed($"input key/keyPrefix '{key}' can't contain '||'");

    public static DaprApiException PubSubNotConfigured() =>
        new("ERR_PUBSUB_NOT_CONFIGURED", 400, StatusCode.FailedPrecondition, "no pubsub is configured");

    public static DaprApiException PubSubEmpty() =>
        new("ERR_PUBSUB_EMPTY", 404, StatusCode.InvalidArgument, "pubsub name is empty");

    public static DaprApiException PubSubNotFound(string name) =>
        new("ERR_PUBSUB_NOT_FOUND", 404, StatusCode.InvalidArgument, $"pubsub {name} is not found");

    public static DaprApiException TopicEmpty(string pubsub) =>
        new("ERR_TOPIC_NAME_EMPTY", 404, StatusCode.InvalidArgument, $"topic is empty in pubsub {pubsub}");

    public static DaprApiException PubSubMetadata(string message) =>
        new("ERR_PUBSUB_REQUEST_METADATA", 400, StatusCode.InvalidArgument, message);

    public static DaprApiException Publish(string pubsub, string topic, Exception error) =>
        new("ERR_PUBSUB_PUBLISH_MESSAGE", 500, StatusCode.Internal,
            $"error when publishing to topic {topic} in pubsub {pubsub}: {error.Message}", error);

    public static DaprApiException DirectInvoke(string appId, string reason) =>
        new("ERR_DIRECT_INVOKE", 500, StatusCode.Internal, $"failed to invoke, id: {appId}, err: {reason}");

    public static DaprApiException SecretStoresNotConfigured() =>
        new("ERR_SECRET_STORES_NOT_CONFIGURED", 500, StatusCode.FailedPrecondition, "secret store is not configured");

    public static DaprApiException SecretStoreNotFound(string name) =>
        new("ERR_SECRET_STORE_NOT_FOUND", 401, StatusCode.InvalidArgument, $"failed finding secret store with key {name}");

    public static DaprApiException SecretGet(string store, string key, string reason) =>
        new("ERR_SECRET_GET", 500, StatusCode.Internal, $"failed getting secret with key {key} from secret store {store}: {reason}");

    public static DaprApiException BindingNotFound(string name) =>
        new("ERR_INVOKE_OUTPUT_BINDING", 500, StatusCode.Internal, $"error invoking output binding {name}: couldn't find output binding {name}");

    public static DaprApiException Binding(string name, string reason) =>
        new("ERR_INVOKE_OUTPUT_BINDING", 500, StatusCode.Internal, $"error invoking output binding {name}: {reason}");

    public static DaprApiException NotReady(string reason) =>
        new("ERR_HEALTH_NOT_READY", 500, StatusCode.Unavailable, $"dapr is not ready: {reason}");
}
