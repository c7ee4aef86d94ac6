using Dapr.Workflow.Replay;
using Ecommerce.Workflow.Protocol;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dapr.Workflow.Worker;

/// <summary>
/// Pulls work items from the sidecar's GetWorkItems stream and runs them: workflow turns and activities,
/// each in its own DI scope, at most <see cref="WorkflowRuntimeOptions.MaxConcurrentWorkflows"/> /
/// <see cref="WorkflowRuntimeOptions.MaxConcurrentActivities"/> at a time. When the sidecar is not up yet
/// or the stream breaks, it reconnects with a growing delay; it never brings the host down.
/// </summary>
internal sealed partial class WorkflowWorker(
    TaskHubSidecarService.TaskHubSidecarServiceClient sidecar,
    WorkflowRuntimeOptions options,
    IServiceScopeFactory scopeFactory,
    ILoggerFactory loggerFactory,
    ILogger<WorkflowWorker> logger) : BackgroundService
{
    private static readonly TimeSpan FirstReconnectDelay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxReconnectDelay = TimeSpan.FromSeconds(5);

    // Never disposed: work items still running at shutdown release them after the host has moved on.
    private readonly SemaphoreSlim _workflowSlots = new(options.MaxConcurrentWorkflows);
    private readonly SemaphoreSlim _activitySlots = new(options.MaxConcurrentActivities);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reconnectDelay = FirstReconnectDelay;
        var failuresInARow = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await sidecar.HelloAsync(new Empty(), cancellationToken: stoppingToken);
                using var stream = sidecar.GetWorkItems(new GetWorkItemsRequest(), cancellationToken: stoppingToken);
                LogConnected(logger);
                reconnectDelay = FirstReconnectDelay;
                failuresInARow = 0;
                await foreach (var workItem in stream.ResponseStream.ReadAllAsync(stoppingToken))
                {
                    await DispatchAsync(workItem, stoppingToken);
                }

                LogStreamEnded(logger);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (RpcException exception)
            {
                // The sidecar starting up or restarting is normal: say so once, then only at Debug.
                if (++failuresInARow == 1)
                {
                    LogConnectionFailed(logger, exception.StatusCode, exception.Status.Detail);
                }
                else
                {
                    LogStillNotConnected(logger, failuresInARow, exception.StatusCode);
                }
            }

            try
            {
                await Task.Delay(reconnectDelay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            reconnectDelay = TimeSpan.FromTicks(Math.Min(reconnectDelay.Ticks * 2, MaxReconnectDelay.Ticks));
        }
    }

    /// <summary>Starts a work item once a slot is free; waiting here stops reading the stream (back-pressure).</summary>
    private async Task DispatchAsync(WorkItem workItem, CancellationToken stoppingToken)
    {
        var slots = workItem.RequestCase switch
        {
            WorkItem.RequestOneofCase.WorkflowRequest => _workflowSlots,
            WorkItem.RequestOneofCase.ActivityRequest => _activitySlots,
            _ => null,
        };
        if (slots is null)
        {
            LogUnknownWorkItem(logger);
            return;
        }

        await slots.WaitAsync(stoppingToken);
        _ = Task.Run(
            async () =>
            {
                try
                {
                    await RunAsync(workItem, stoppingToken);
                }
                finally
                {
                    slots.Release();
                }
            },
            CancellationToken.None);
    }

    private async Task RunAsync(WorkItem workItem, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            var services = scope.ServiceProvider;
            if (workItem.RequestCase == WorkItem.RequestOneofCase.WorkflowRequest)
            {
                var executor = new WorkflowTurnExecutor(name => options.CreateWorkflow(name, services), loggerFactory);
                var response = executor.Execute(workItem.WorkflowRequest);
                response.CompletionToken = workItem.CompletionToken;
                await sidecar.CompleteOrchestratorTaskAsync(response, cancellationToken: stoppingToken);
            }
            else
            {
                var executor = new ActivityExecutor(name => options.CreateActivity(name, services));
                var response = await executor.ExecuteAsync(workItem.ActivityRequest);
                response.CompletionToken = workItem.CompletionToken;
                await sidecar.CompleteActivityTaskAsync(response, cancellationToken: stoppingToken);
            }
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the sidecar dispatches the item again to the next worker.
        }
        catch (RpcException exception)
        {
            LogCompletionFailed(logger, workItem.RequestCase, exception.StatusCode, exception.Status.Detail);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to the Dapr sidecar's workflow work-item stream.")]
    private static partial void LogConnected(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "The Dapr sidecar ended the workflow work-item stream; reconnecting.")]
    private static partial void LogStreamEnded(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot reach the Dapr sidecar's workflow engine ({StatusCode}: {Detail}); retrying until it answers.")]
    private static partial void LogConnectionFailed(ILogger logger, StatusCode statusCode, string detail);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dapr sidecar still unreachable after {Attempts} attempts ({StatusCode}).")]
    private static partial void LogStillNotConnected(ILogger logger, int attempts, StatusCode statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipping a work item of a kind this worker does not know.")]
    private static partial void LogUnknownWorkItem(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Completing a {Kind} work item failed ({StatusCode}: {Detail}); the sidecar will dispatch it again.")]
    private static partial void LogCompletionFailed(ILogger logger, WorkItem.RequestOneofCase kind, StatusCode statusCode, string detail);
}
