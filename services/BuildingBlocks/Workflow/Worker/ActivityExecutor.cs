using Ecommerce.Workflow.Protocol;

namespace Dapr.Workflow.Worker;

/// <summary>Runs one activity request and turns its result or exception into the response the sidecar records.</summary>
/// <param name="resolveActivity">The registered activity of a name, or <c>null</c>.</param>
internal sealed class ActivityExecutor(Func<string, IWorkflowActivity?> resolveActivity)
{
    /// <summary>The error type of the failure sent when no activity of the requested name is registered.</summary>
    public const string ActivityNotFound = "ActivityNotFoundException";

    public async Task<ActivityResponse> ExecuteAsync(ActivityRequest request)
    {
        var response = new ActivityResponse
        {
            InstanceId = request.WorkflowInstance?.InstanceId ?? string.Empty,
            TaskId = request.TaskId,
        };

        var activity = resolveActivity(request.Name);
        if (activity is null)
        {
            response.FailureDetails = new TaskFailureDetails
            {
                ErrorType = ActivityNotFound,
                ErrorMessage = $"No activity named '{request.Name}' is registered with this worker.",
            };
            return response;
        }

        try
        {
            var input = WorkflowJson.Deserialize(request.Input, activity.InputType);
            var output = await activity.RunAsync(new ActivityExecutionContext(request), input);
            response.Result = output.ToJsonPayload();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Any failure of the activity is the workflow's business: it sees a WorkflowTaskFailedException.
            response.FailureDetails = exception.ToTaskFailureDetails();
        }

        return response;
    }
}
