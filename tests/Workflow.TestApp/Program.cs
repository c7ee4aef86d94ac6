using Dapr.Workflow;
using Ecommerce.Workflow.TestApp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// An app that runs the test workflows: the worker connects to the sidecar named by DAPR_GRPC_PORT
// (or DAPR_GRPC_ENDPOINT), as any service's does. TESTAPP_GATE=closed holds GatedActivity forever,
// for a test that kills this process inside it.
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddSingleton(new ActivityLog(Console.Out));
builder.Services.AddSingleton(new ActivityGate(open: builder.Configuration["TESTAPP_GATE"] != "closed"));
builder.Services.AddDaprWorkflow(TestWorkflows.Register);
await builder.Build().RunAsync();
