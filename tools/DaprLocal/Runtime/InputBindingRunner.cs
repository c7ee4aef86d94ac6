using System.Net;
using Ecommerce.DaprLocal.Bindings;
using Ecommerce.DaprLocal.Invocation;
using Ecommerce.DaprLocal.Resiliency;

namespace Ecommerce.DaprLocal.Runtime;

/// <summary>
/// Runs the input bindings (cron) as daprd does: at start <c>OPTIONS /&lt;route&gt;</c> asks the app
/// whether it wants the binding's events (2xx or 405 mean yes); then each event is POSTed to the
/// route as JSON, retried under the component's inbound resiliency policy while the app fails.
/// </summary>
public sealed class InputBindingRunner(ComponentRegistry components, AppChannel app, ResiliencyPolicies resiliency, ILogger<InputBindingRunner> logger) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _running = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!app.Exists)
        {
            return;
        }
        foreach (var input in components.InputBindings)
        {
            using var probe = app.CreateRequest(HttpMethod.Options, input.Route);
            using var answer = await app.SendAsync(probe, cancellationToken);
            if (!answer.IsSuccessStatusCode && answer.StatusCode != HttpStatusCode.MethodNotAllowed)
            {
                SidecarLog.BindingNotWanted(logger, input.Definition.Name, input.Route, (int)answer.StatusCode);
                continue;
            }
            _running.Add(input.Binding.RunAsync((bindingEvent, token) => DeliverAsync(input, bindingEvent, token), _stopping.Token));
        }
    }

    private async Task DeliverAsync(InputBindingComponent input, BindingEvent bindingEvent, CancellationToken cancellationToken)
    {
        var policy = resiliency.ForComponentInbound(input.Definition.Name, ComponentKind.Binding);
        var status = await policy.ExecuteAsync(
            async token =>
            {
                using var request = app.CreateRequest(HttpMethod.Post, input.Route);
                request.Content = new ByteArrayContent(bindingEvent.Data);
                request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
                foreach (var (key, value) in bindingEvent.Metadata)
                {
                    request.Headers.TryAddWithoutValidation(key, value);
                }
                using var response = await app.SendAsync(request, token);
                return (int)response.StatusCode;
            },
            code => code is >= 200 and < 300 ? AttemptOutcome.Success : AttemptOutcome.HttpFailure(code),
            cancellationToken);
        if (status is < 200 or >= 300)
        {
            SidecarLog.BindingEventRefused(logger, input.Definition.Name, status);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await Task.WhenAll(_running);
        }
        catch (OperationCanceledException)
        {
            // Stopping is how these loops end.
        }
        _stopping.Dispose();
    }
}
