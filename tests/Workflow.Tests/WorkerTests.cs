using System.Diagnostics;
using Dapr.Workflow;
using Ecommerce.Workflow.Protocol;
using Ecommerce.Workflow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using static Ecommerce.Workflow.Tests.Support.History;

namespace Ecommerce.Workflow.Tests;

public sealed class WorkerTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private FakeSidecarServer _server = null!;
    private IHost _worker = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeSidecarServer.StartAsync();
        _worker = await StartWorkerAsync(_server.Port);
    }

    public async Task DisposeAsync()
    {
        await _worker.StopAsync();
        _worker.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Activities_run_through_DI_and_completions_echo_the_completion_token()
    {
        _server.Sidecar.Send(ActivityItem("Greet", "\"Ada\"", taskId: 3, token: "token-a"));

        var response = await WaitForAsync(_server.Sidecar.ActivityCompletions);

        Assert.Equal("token-a", response.CompletionToken);
        Assert.Equal("order-7", response.InstanceId);
        Assert.Equal(3, response.TaskId);
        Assert.Equal("\"Hello, Ada\"", response.Result);
        Assert.Null(response.FailureDetails);
    }

    [Fact]
    public async Task Activity_exceptions_and_unknown_activities_come_back_as_failures()
    {
        _server.Sidecar.Send(ActivityItem("Greet", "\"\"", taskId: 1, token: "t1"));
        var thrown = await WaitForAsync(_server.Sidecar.ActivityCompletions);
        Assert.Equal(typeof(ArgumentException).FullName, thrown.FailureDetails.ErrorType);
        Assert.Contains("name", thrown.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(thrown.FailureDetails.StackTrace));

        _server.Sidecar.Send(ActivityItem("Missing", null, taskId: 2, token: "t2"));
        var missing = await WaitForAsync(_server.Sidecar.ActivityCompletions);
        Assert.Equal("ActivityNotFoundException", missing.FailureDetails.ErrorType);
    }

    [Fact]
    public async Task Workflow_turns_run_and_complete_with_their_actions_and_token()
    {
        _server.Sidecar.Send(WorkflowItem("token-w", WorkflowStarted(T0), ExecutionStarted("Welcome", "\"Ada\"")));

        var response = await WaitForAsync(_server.Sidecar.WorkflowCompletions);

        Assert.Equal("token-w", response.CompletionToken);
        Assert.Equal("order-7", response.InstanceId);
        Assert.Equal("Greet", Assert.Single(response.Actions).ScheduleTask.Name);
    }

    [Fact]
    public async Task The_worker_reconnects_when_the_sidecar_ends_the_stream()
    {
        await WaitUntilAsync(() => _server.Sidecar.Connections == 1);

        _server.Sidecar.EndStreams();
        await WaitUntilAsync(() => _server.Sidecar.Connections == 2);

        _server.Sidecar.Send(ActivityItem("Greet", "\"Bob\"", taskId: 1, token: "after-reconnect"));
        Assert.Equal("after-reconnect", (await WaitForAsync(_server.Sidecar.ActivityCompletions)).CompletionToken);
    }

    [Fact]
    public async Task The_worker_reconnects_when_the_sidecar_restarts()
    {
        await WaitUntilAsync(() => _server.Sidecar.Connections == 1);
        var port = _server.Port;

        await _server.DisposeAsync();
        _server = await FakeSidecarServer.StartAsync(port);

        await WaitUntilAsync(() => _server.Sidecar.Connections == 1);
        _server.Sidecar.Send(ActivityItem("Greet", "\"Cy\"", taskId: 1, token: "after-restart"));
        Assert.Equal("\"Hello, Cy\"", (await WaitForAsync(_server.Sidecar.ActivityCompletions)).Result);
    }

    [Fact]
    public async Task The_worker_stops_promptly_while_connected_and_while_the_sidecar_is_down()
    {
        await WaitUntilAsync(() => _server.Sidecar.Connections == 1);
        var connected = Stopwatch.StartNew();
        await _worker.StopAsync();
        Assert.True(connected.Elapsed < TimeSpan.FromSeconds(2), $"took {connected.Elapsed}");

        // A worker whose sidecar never comes up sits in its reconnect back-off; it must stop as fast.
        using var orphan = await StartWorkerAsync(_server.Port + 1 == 65536 ? 1 : _server.Port + 1);
        await Task.Delay(TimeSpan.FromMilliseconds(700));
        var down = Stopwatch.StartNew();
        await orphan.StopAsync();
        Assert.True(down.Elapsed < TimeSpan.FromSeconds(2), $"took {down.Elapsed}");
    }

    private static async Task<IHost> StartWorkerAsync(int port)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration["DAPR_GRPC_ENDPOINT"] = $"http://127.0.0.1:{port}";
        builder.Services.AddSingleton<Greeter>();
        builder.Services.AddDaprWorkflow(options =>
        {
            options.RegisterWorkflow<WelcomeWorkflow>("Welcome");
            options.RegisterActivity<GreetActivity>("Greet");
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static WorkItem ActivityItem(string name, string? input, int taskId, string token) =>
        new()
        {
            CompletionToken = token,
            ActivityRequest = new ActivityRequest
            {
                Name = name,
                Input = input,
                TaskId = taskId,
                WorkflowInstance = new WorkflowInstance { InstanceId = "order-7" },
            },
        };

    private static WorkItem WorkflowItem(string token, params HistoryEvent[] newEvents)
    {
        var request = new WorkflowRequest { InstanceId = "order-7" };
        request.NewEvents.AddRange(newEvents);
        return new WorkItem { CompletionToken = token, WorkflowRequest = request };
    }

    private static async Task<T> WaitForAsync<T>(System.Collections.Concurrent.ConcurrentQueue<T> queue)
    {
        T? item = default;
        await WaitUntilAsync(() => queue.TryDequeue(out item));
        return item!;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < Patience, "Timed out waiting for the worker.");
            await Task.Delay(20);
        }
    }

    /// <summary>A service the activity gets through its constructor.</summary>
    private sealed class Greeter
    {
        private readonly string _greeting = "Hello";

        public string Greet(string name) =>
            string.IsNullOrEmpty(name) ? throw new ArgumentException("A name is required.", nameof(name)) : $"{_greeting}, {name}";
    }

    private sealed class GreetActivity(Greeter greeter) : WorkflowActivity<string, string>
    {
        public override Task<string> RunAsync(WorkflowActivityContext context, string input) => Task.FromResult(greeter.Greet(input));
    }

    private sealed class WelcomeWorkflow : Workflow<string, string>
    {
        public override Task<string> RunAsync(WorkflowContext context, string input) => context.CallActivityAsync<string>("Greet", input);
    }
}
