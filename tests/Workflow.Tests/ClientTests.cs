using Dapr.Workflow;
using Ecommerce.Workflow.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Workflow.Tests;

public sealed class ClientTests : IAsyncLifetime
{
    private FakeSidecarServer _server = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeSidecarServer.StartAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["DAPR_GRPC_ENDPOINT"] = $"127.0.0.1:{_server.Port}",
                ["DAPR_API_TOKEN"] = "secret-token",
            })
            .Build();
        _services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddDaprWorkflow(options => options.RegisterWorkflow<string, string>("Echo", (context, input) => Task.FromResult(input)))
            .BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Scheduling_sends_json_input_and_the_api_token_and_returns_the_instance_id()
    {
        var client = _services.GetRequiredService<DaprWorkflowClient>();

        var instanceId = await client.ScheduleNewWorkflowAsync("Echo", "order-1", new { OrderId = 1 });

        Assert.Equal("order-1", instanceId);
        Assert.Equal("{\"orderId\":1}", _server.Sidecar.Started["order-1"].Input);
        Assert.Equal("secret-token", _server.Sidecar.LastApiToken);

        var generated = await client.ScheduleNewWorkflowAsync("Echo");
        Assert.True(Guid.TryParse(generated, out _));
        Assert.Null(_server.Sidecar.Started[generated].Input);
    }

    [Fact]
    public async Task Workflow_state_reads_status_and_typed_payloads()
    {
        var client = _services.GetRequiredService<DaprWorkflowClient>();
        await client.ScheduleNewWorkflowAsync("Echo", "order-2", new Order(2));

        var state = await client.GetWorkflowStateAsync("order-2");

        Assert.True(state.Exists);
        Assert.Equal("Echo", state.WorkflowName);
        Assert.Equal(WorkflowRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.True(state.IsWorkflowCompleted);
        Assert.Equal(new Order(2), state.ReadOutputAs<Order>());
        Assert.Equal("done", state.ReadCustomStatusAs<Dictionary<string, string>>()?["stage"]);

        var unknown = await client.GetWorkflowStateAsync("nope");
        Assert.False(unknown.Exists);
        Assert.Equal(WorkflowRuntimeStatus.Unknown, unknown.RuntimeStatus);
    }

    private sealed record Order(int OrderId);
}
