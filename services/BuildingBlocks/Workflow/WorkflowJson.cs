using System.Text.Json;

namespace Dapr.Workflow;

/// <summary>
/// How payloads travel: System.Text.Json with web defaults (camelCase, case-insensitive reads), each payload
/// a JSON string inside a protobuf StringValue, and a <c>null</c> payload as no StringValue at all.
/// </summary>
internal static class WorkflowJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string? Serialize(object? value) =>
        value is null ? null : JsonSerializer.Serialize(value, value.GetType(), Options);

    public static T? Deserialize<T>(string? json) =>
        json is null ? default : JsonSerializer.Deserialize<T>(json, Options);

    public static object? Deserialize(string? json, Type type) =>
        json is null ? null : JsonSerializer.Deserialize(json, type, Options);
}
