using Ecommerce.DaprLocal.Workflows;

namespace Ecommerce.DaprLocal.Api.Http;

/// <summary>
/// daprd's workflow management routes (pkg/api/http/workflow.go), under each of the versions
/// daprd serves them: <c>v1.0</c>, <c>v1.0-beta1</c> and <c>v1.0-alpha1</c>. Bodies are taken as
/// they come (raw JSON input or event data); successes are 202 except the GET.
/// </summary>
public static class WorkflowEndpoints
{
    private static readonly string[] Versions = ["v1.0", "v1.0-beta1", "v1.0-alpha1"];

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        foreach (var version in Versions)
        {
            var workflows = api.MapGroup($"/{version}/workflows/{{component}}");
            workflows.MapPost("/{workflowName}/start", (string component, string workflowName, string? instanceID, HttpContext http, WorkflowManagement management) =>
                DaprHttpResults.Handle(async () =>
                {
                    var input = await ReadBodyAsync(http);
                    var instanceId = await management.StartAsync(component, workflowName, instanceID, input, startAt: null, http.RequestAborted);
                    return Results.Json(new { instanceID = instanceId }, statusCode: StatusCodes.Status202Accepted);
                }));
            workflows.MapGet("/{instanceId}", (string component, string instanceId, HttpContext http, WorkflowManagement management) =>
                DaprHttpResults.Handle(async () =>
                {
                    var summary = await management.GetAsync(component, instanceId, http.RequestAborted)
                        ?? throw new DaprApiException("ERR_INSTANCE_ID_NOT_FOUND", 404, global::Grpc.Core.StatusCode.NotFound, $"unable to find workflow with the provided instance ID: {instanceId}");
                    return Results.Json(new
                    {
                        instanceID = summary.InstanceId,
                        workflowName = summary.WorkflowName,
                        // UTC with a Z, as Go writes a time.Time in JSON.
                        createdAt = summary.CreatedAt.UtcDateTime,
                        lastUpdatedAt = summary.LastUpdatedAt.UtcDateTime,
                        runtimeStatus = summary.RuntimeStatus,
                        properties = summary.Properties,
                    });
                }));
            workflows.MapPost("/{instanceId}/raiseEvent/{eventName}", (string component, string instanceId, string eventName, HttpContext http, WorkflowManagement management) =>
                DaprHttpResults.Handle(async () =>
                {
                    await management.RaiseEventAsync(component, instanceId, eventName, await ReadBodyAsync(http), http.RequestAborted);
                    return Results.Accepted();
                }));
            MapCommand(workflows, "terminate", (m, c, i, t) => m.TerminateAsync(c, i, t));
            MapCommand(workflows, "pause", (m, c, i, t) => m.PauseAsync(c, i, t));
            MapCommand(workflows, "resume", (m, c, i, t) => m.ResumeAsync(c, i, t));
            MapCommand(workflows, "purge", (m, c, i, t) => m.PurgeAsync(c, i, t));
        }
    }

    private static void MapCommand(RouteGroupBuilder workflows, string name, Func<WorkflowManagement, string, string, CancellationToken, Task> command) =>
        workflows.MapPost($"/{{instanceId}}/{name}", (string component, string instanceId, HttpContext http, WorkflowManagement management) =>
            DaprHttpResults.Handle(async () =>
            {
                await command(management, component, instanceId, http.RequestAborted);
                return Results.Accepted();
            }));

    private static async Task<string> ReadBodyAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        return await reader.ReadToEndAsync(http.RequestAborted);
    }
}
