using Ecommerce.Workflow.Protocol;
using Google.Protobuf.WellKnownTypes;

namespace Dapr.Workflow;

/// <summary>Small mappings between the SDK's types and the protocol's messages.</summary>
internal static class ProtocolConversions
{
    /// <summary>A JSON payload as the protocol carries it: <c>null</c> stays absent, not an empty string.</summary>
    public static string? ToJsonPayload(this object? value) => WorkflowJson.Serialize(value);

    public static WorkflowTaskFailureDetails ToFailureDetails(this TaskFailureDetails details) =>
        new(details.ErrorType, details.ErrorMessage, details.StackTrace);

    public static TaskFailureDetails ToTaskFailureDetails(this Exception exception) =>
        new()
        {
            ErrorType = exception.GetType().FullName ?? exception.GetType().Name,
            ErrorMessage = exception.Message,
            StackTrace = exception.StackTrace,
        };

    public static TaskFailureDetails ToTaskFailureDetails(this WorkflowTaskFailureDetails details) =>
        new() { ErrorType = details.ErrorType, ErrorMessage = details.ErrorMessage, StackTrace = details.StackTrace };

    public static DateTime ToUtcDateTime(this Timestamp? timestamp) =>
        timestamp?.ToDateTime() ?? default;

    /// <summary>Unspecified kinds count as UTC: workflow times come from <see cref="WorkflowContext.CurrentUtcDateTime"/>.</summary>
    public static Timestamp ToTimestamp(this DateTime value) =>
        Timestamp.FromDateTime(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
