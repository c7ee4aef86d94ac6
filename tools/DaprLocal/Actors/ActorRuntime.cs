using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Ecommerce.DaprLocal.Api;
using Ecommerce.DaprLocal.Invocation;
using Ecommerce.DaprLocal.Resources;
using Ecommerce.DaprLocal.Runtime;
using Ecommerce.DaprLocal.State;
using Grpc.Core;

namespace Ecommerce.DaprLocal.Actors;

/// <summary>
/// The actor side of one sidecar (contract §7): learns from <c>GET /dapr/config</c> which actor
/// types its app hosts, sends each call to the sidecar whose app hosts the actor
/// (<see cref="ActorPlacement"/>), runs local calls one turn at a time per actor id, and keeps
/// actor state in the component marked <c>actorStateStore: "true"</c> under
/// <c>appid||type||id||key</c>. Timers fire in the actor's turn; an actor idle for longer than
/// <c>actorIdleTimeout</c> is deactivated (<c>DELETE /actors/{type}/{id}</c>) at the next scan.
/// </summary>
public sealed class ActorRuntime(
    SidecarOptions options,
    AppChannel app,
    ComponentRegistry components,
    ActorPlacement placement,
    SidecarDirectory directory,
    SidecarHttpClient sidecars,
    ActorReminders reminders,
    ILogger<ActorRuntime> logger) : IAsyncDisposable
{
    private static readonly TimeSpan ReminderSyncInterval = TimeSpan.FromSeconds(1);

    public const string ReentrancyHeader = "Dapr-Reentrancy-Id";

    private static readonly HashSet<string> NotForwarded = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "TE", "Trailer", "Upgrade", "Host", "Content-Length",
        AppChannel.ApiTokenHeader, ServiceInvoker.InternalTokenHeader,
    };

    private readonly ConcurrentDictionary<string, ActorTurnLock> _turns = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Type, string Id), DateTimeOffset> _active = new();
    private readonly ActorCallbackScheduler _timers = new();
    private readonly ActorCallbackScheduler _reminderSchedule = new();
    private readonly ConcurrentDictionary<(string Type, string Id, string Name), DateTimeOffset> _scheduledReminders = new();
    private readonly CancellationTokenSource _stopping = new();
    private Task _idleScan = Task.CompletedTask;
    private Task _reminderSync = Task.CompletedTask;

    public ActorRuntimeConfig Config { get; private set; } = ActorRuntimeConfig.None;

    /// <summary>Reads the app's actor configuration; an app hosting actors needs an actor state store.</summary>
    public async Task DiscoverAsync(CancellationToken cancellationToken)
    {
        if (!app.Exists)
        {
            return;
        }
        using var request = app.CreateRequest(HttpMethod.Get, "/dapr/config");
        using var response = await app.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return;
        }
        using var document = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
        var config = ActorRuntimeConfig.Parse(document.RootElement);
        if (config.Entities.Count > 0 && ActorStore() is null)
        {
            throw new ResourceException(
                string.Join(", ", options.ResourcesPaths),
                $"app '{options.AppId}' hosts actor types {string.Join(", ", config.Entities)} but no state component has actorStateStore: \"true\".");
        }
        Config = config;
        if (config.Entities.Count > 0)
        {
            _idleScan = DeactivateIdleActorsAsync(_stopping.Token);
            _reminderSync = SyncRemindersAsync(_stopping.Token);
        }
    }

    /// <summary>Relays an actor method call to where the actor lives, taking its turn when that is here.</summary>
    public async Task InvokeAsync(HttpContext http, string actorType, string actorId, string method)
    {
        ArgumentNullException.ThrowIfNull(http);
        var host = placement.Locate(actorType, actorId)
            ?? throw new DaprApiException("ERR_ACTOR_INVOKE_METHOD", 500, StatusCode.Internal, $"did not find address for actor {actorType}/{actorId}");
        if (!IsThisSidecar(host))
        {
            await RelayToHostAsync(http, host, $"/v1.0/actors/{actorType}/{actorId}/method/{method}");
            return;
        }

        var reentrancyId = Config.ReentrancyEnabled ? http.Request.Headers[ReentrancyHeader].FirstOrDefault() ?? Guid.NewGuid().ToString() : null;
        using (await TakeTurnAsync(actorType, actorId, reentrancyId, http.RequestAborted))
        {
            using var request = app.CreateRequest(HttpMethod.Put, $"/actors/{actorType}/{actorId}/method/{method}");
            await CopyRequestAsync(http.Request, request);
            if (reentrancyId is not null)
            {
                request.Headers.Remove(ReentrancyHeader);
                request.Headers.TryAddWithoutValidation(ReentrancyHeader, reentrancyId);
            }
            using var response = await app.SendAsync(request, http.RequestAborted);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                // daprd accepts exactly 200 from an actor method; anything else is the caller's error.
                var body = await response.Content.ReadAsStringAsync(http.RequestAborted);
                throw new DaprApiException("ERR_ACTOR_INVOKE_METHOD", 500, StatusCode.Internal,
                    $"error invoke actor method: error from actor service: ({(int)response.StatusCode}) {body}");
            }
            await CopyResponseAsync(response, http.Response, http.RequestAborted);
        }
    }

    /// <summary>Registers (or replaces) a timer of an actor hosted here.</summary>
    public void RegisterTimer(string actorType, string actorId, string name, JsonElement registration)
    {
        RequireLocal(actorType, actorId, "ERR_ACTOR_TIMER_CREATE");
        var schedule = ActorSchedule.Parse(Text(registration, "dueTime"), Text(registration, "period"), Text(registration, "ttl"), DateTimeOffset.UtcNow);
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            callback = Text(registration, "callback"),
            data = registration.TryGetProperty("data", out var data) ? data : default(JsonElement?),
            dueTime = Text(registration, "dueTime"),
            period = Text(registration, "period"),
        });
        _timers.Register(actorType, actorId, name, body, schedule, (type, id, timer, payload, token) => FireAsync(type, id, $"timer/{timer}", payload, token));
    }

    public void UnregisterTimer(string actorType, string actorId, string name) => _timers.Unregister(actorType, actorId, name);

    /// <summary>Registers (or replaces) a reminder; only for actor types this app hosts, as daprd.</summary>
    public async Task RegisterReminderAsync(string actorType, string actorId, string name, JsonElement registration, CancellationToken cancellationToken)
    {
        RequireHostedType(actorType);
        var reminder = new ActorReminder(
            actorId, name, Text(registration, "dueTime"), Text(registration, "period"), Text(registration, "ttl"),
            registration.TryGetProperty("data", out var data) ? data.Clone() : null, DateTimeOffset.UtcNow);
        ActorSchedule.Parse(reminder.DueTime, reminder.Period, reminder.Ttl, reminder.RegisteredTime);
        await reminders.RegisterAsync(actorType, reminder, cancellationToken);
        await SyncRemindersAsync(actorType, cancellationToken);
    }

    public async Task<ActorReminder?> GetReminderAsync(string actorType, string actorId, string name, CancellationToken cancellationToken)
    {
        RequireHostedType(actorType);
        return (await reminders.ListAsync(actorType, cancellationToken)).FirstOrDefault(r => r.ActorId == actorId && r.Name == name);
    }

    public async Task UnregisterReminderAsync(string actorType, string actorId, string name, CancellationToken cancellationToken)
    {
        RequireHostedType(actorType);
        await reminders.UnregisterAsync(actorType, actorId, name, cancellationToken);
        await SyncRemindersAsync(actorType, cancellationToken);
    }

    public async Task<StateItem?> GetStateAsync(string actorType, string actorId, string key, CancellationToken cancellationToken) =>
        await RequireActorStore().Store.GetAsync(StateKey(actorType, actorId, key), cancellationToken);

    /// <summary>One actor turn's state changes, all or nothing.</summary>
    public async Task SaveStateAsync(string actorType, string actorId, IReadOnlyList<ActorStateOperation> operations, CancellationToken cancellationToken)
    {
        var store = RequireActorStore();
        var converted = operations.Select(operation => operation.Operation switch
        {
            "upsert" => (StateOperation)new StateOperation.Upsert(new StateWrite(StateKey(actorType, actorId, operation.Key), operation.Value)),
            "delete" => new StateOperation.Delete(new StateDelete(StateKey(actorType, actorId, operation.Key))),
            _ => throw new DaprApiException("ERR_MALFORMED_REQUEST", 400, StatusCode.InvalidArgument, $"operation type {operation.Operation} not supported"),
        }).ToArray();
        try
        {
            await store.Store.TransactAsync(converted, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            throw new DaprApiException("ERR_ACTOR_STATE_TRANSACTION_SAVE", 500, StatusCode.Internal, $"error saving actor transaction state: {error.Message}", error);
        }
    }

    private async Task<IDisposable> TakeTurnAsync(string actorType, string actorId, string? reentrancyId, CancellationToken cancellationToken)
    {
        try
        {
            var turn = await _turns.GetOrAdd($"{actorType}||{actorId}", _ => new ActorTurnLock())
                .EnterAsync(reentrancyId, Config.MaxStackDepth, cancellationToken);
            _active[(actorType, actorId)] = DateTimeOffset.UtcNow;
            return turn;
        }
        catch (ActorStackDepthException error)
        {
            throw new DaprApiException("ERR_ACTOR_STACK_DEPTH", 500, StatusCode.ResourceExhausted, error.Message);
        }
    }

    /// <summary>One timer or reminder firing (<paramref name="method"/> <c>timer/x</c> or <c>remind/x</c>), in the actor's turn; false when the app asks to stop.</summary>
    private async Task<bool> FireAsync(string actorType, string actorId, string method, byte[] body, CancellationToken cancellationToken)
    {
        using (await TakeTurnAsync(actorType, actorId, reentrancyId: null, cancellationToken))
        {
            using var request = app.CreateRequest(HttpMethod.Put, $"/actors/{actorType}/{actorId}/method/{method}");
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            using var response = await app.SendAsync(request, cancellationToken);
            return !(response.Headers.TryGetValues("X-DaprReminderCancel", out var cancel) && cancel.Contains("true", StringComparer.OrdinalIgnoreCase));
        }
    }

    /// <summary>
    /// <c>DELETE /actors/{type}/{id}</c>; its timers end with it. With <paramref name="drain"/> it waits
    /// for the call in progress, up to <c>drainOngoingCallTimeout</c>, and then deactivates anyway.
    /// </summary>
    private async Task DeactivateAsync(string actorType, string actorId, bool drain, CancellationToken cancellationToken)
    {
        IDisposable? turn = null;
        if (drain)
        {
            using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            patience.CancelAfter(Config.DrainOngoingCallTimeout);
            try
            {
                turn = await TakeTurnAsync(actorType, actorId, reentrancyId: null, patience.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The call in progress outlasted drainOngoingCallTimeout: deactivate without it.
            }
        }
        using (turn)
        {
            try
            {
                using var request = app.CreateRequest(HttpMethod.Delete, $"/actors/{actorType}/{actorId}");
                using var response = await app.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException)
            {
                // The app is not reachable right now; the actor stays active and the next scan tries again.
                return;
            }
            _timers.UnregisterAll(actorType, actorId);
            _active.TryRemove((actorType, actorId), out _);
        }
    }

    /// <summary>
    /// When replicas come or go, some actors now belong to another replica: deactivate them here
    /// (with <c>drainRebalancedActors</c>, the default, after the call in progress finishes) so that no
    /// actor stays active in two places and the new host reads the state this one saved.
    /// </summary>
    private async Task HandOverMovedActorsAsync(CancellationToken cancellationToken)
    {
        foreach (var (actorType, actorId) in _active.Keys.ToArray())
        {
            if (placement.Locate(actorType, actorId) is { } host && !IsThisSidecar(host))
            {
                await DeactivateAsync(actorType, actorId, Config.DrainRebalancedActors, cancellationToken);
            }
        }
    }

    private async Task DeactivateIdleActorsAsync(CancellationToken cancellationToken)
    {
        var scan = Config.ScanInterval < Config.IdleTimeout ? Config.ScanInterval : Config.IdleTimeout;
        using var ticks = new PeriodicTimer(scan);
        try
        {
            while (await ticks.WaitForNextTickAsync(cancellationToken))
            {
                var idleSince = DateTimeOffset.UtcNow - Config.IdleTimeout;
                foreach (var (actorType, actorId) in _active.Where(pair => pair.Value < idleSince).Select(pair => pair.Key).ToArray())
                {
                    await DeactivateAsync(actorType, actorId, drain: true, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The sidecar is stopping.
        }
    }

    /// <summary>
    /// Keeps the in-memory schedule in step with the stored reminders of every hosted type: at start
    /// (so reminders survive a restart) and then every second (another replica may have registered one).
    /// Every replica schedules every reminder; a firing goes ahead only where the actor is placed.
    /// </summary>
    private async Task SyncRemindersAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await HandOverMovedActorsAsync(cancellationToken);
                foreach (var actorType in Config.Entities)
                {
                    try
                    {
                        await SyncRemindersAsync(actorType, cancellationToken);
                    }
                    catch (Exception error) when (error is not OperationCanceledException)
                    {
                        // The actor state store is unreachable for now: keep the schedule we have, look again later.
                        SidecarLog.RemindersUnreadable(logger, actorType, error.Message);
                    }
                }
                await Task.Delay(ReminderSyncInterval, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The sidecar is stopping.
        }
    }

    private async Task SyncRemindersAsync(string actorType, CancellationToken cancellationToken)
    {
        var stored = await reminders.ListAsync(actorType, cancellationToken);
        foreach (var key in _scheduledReminders.Keys.Where(k => k.Type == actorType).ToArray())
        {
            if (!stored.Any(r => r.ActorId == key.Id && r.Name == key.Name && r.RegisteredTime == _scheduledReminders[key]))
            {
                _scheduledReminders.TryRemove(key, out _);
                _reminderSchedule.Unregister(key.Type, key.Id, key.Name);
            }
        }
        foreach (var reminder in stored)
        {
            var key = (actorType, reminder.ActorId, reminder.Name);
            if (_scheduledReminders.TryGetValue(key, out var registered) && registered == reminder.RegisteredTime)
            {
                continue;
            }
            _scheduledReminders[key] = reminder.RegisteredTime;
            var body = JsonSerializer.SerializeToUtf8Bytes(new { data = reminder.Data, dueTime = reminder.DueTime, period = reminder.Period });
            _reminderSchedule.Register(
                actorType, reminder.ActorId, reminder.Name, body, CatchUp(ActorSchedule.Parse(reminder.DueTime, reminder.Period, reminder.Ttl, reminder.RegisteredTime)),
                FireReminderAsync,
                onFinished: () => _ = ForgetReminderAsync(actorType, reminder));
        }
    }

    /// <summary>After a restart, firings missed while nothing ran collapse into one now; the cadence (and an R&lt;n&gt; count) carries on.</summary>
    private static ActorSchedule CatchUp(ActorSchedule schedule)
    {
        var now = DateTimeOffset.UtcNow;
        if (schedule.Period is not { } period || schedule.FirstDue >= now)
        {
            return schedule;
        }
        var missed = (int)Math.Min(int.MaxValue, (now - schedule.FirstDue).Ticks / period.Ticks);
        return schedule with
        {
            FirstDue = schedule.FirstDue + (period * missed),
            Repetitions = schedule.Repetitions is { } times ? Math.Max(1, times - missed) : null,
        };
    }

    private async Task<bool> FireReminderAsync(string actorType, string actorId, string name, byte[] body, CancellationToken cancellationToken)
    {
        if (placement.Locate(actorType, actorId) is not { } host || !IsThisSidecar(host))
        {
            // Another replica hosts the actor and fires it; this schedule just keeps pace.
            return true;
        }
        return await FireAsync(actorType, actorId, $"remind/{name}", body, cancellationToken);
    }

    /// <summary>A reminder that has run out (or that the app cancelled) is deleted, unless it was registered again meanwhile.</summary>
    private async Task ForgetReminderAsync(string actorType, ActorReminder reminder)
    {
        _scheduledReminders.TryRemove((actorType, reminder.ActorId, reminder.Name), out _);
        try
        {
            var current = await GetReminderAsync(actorType, reminder.ActorId, reminder.Name, CancellationToken.None);
            if (current?.RegisteredTime == reminder.RegisteredTime)
            {
                await reminders.UnregisterAsync(actorType, reminder.ActorId, reminder.Name, CancellationToken.None);
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Left in the store, it fires once more after the next start: reminders are delivered at least once.
            SidecarLog.RemindersUnreadable(logger, actorType, error.Message);
        }
    }

    private void RequireHostedType(string actorType)
    {
        if (!Config.Entities.Contains(actorType, StringComparer.Ordinal))
        {
            throw new DaprApiException("ERR_ACTOR_REMINDER_NON_HOSTED", 403, StatusCode.PermissionDenied,
                $"operations on actor reminders are only possible on hosted actor types; {options.AppId} does not host {actorType}");
        }
    }

    private void RequireLocal(string actorType, string actorId, string errorCode)
    {
        if (placement.Locate(actorType, actorId) is not { } host || !IsThisSidecar(host))
        {
            throw new DaprApiException(errorCode, 500, StatusCode.Internal, $"actor {actorType}/{actorId} is not hosted by app {options.AppId}");
        }
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _idleScan;
        await _reminderSync;
        await _timers.DisposeAsync();
        await _reminderSchedule.DisposeAsync();
        _stopping.Dispose();
    }

    private StateStoreComponent RequireActorStore() =>
        ActorStore() ?? throw new DaprApiException("ERR_ACTOR_RUNTIME_NOT_FOUND", 500, StatusCode.Internal,
            "the state store is not configured to use the actor runtime. Have you set the - name: actorStateStore value: \"true\" in your state store component file?");

    private StateStoreComponent? ActorStore() => components.StateStores.Values.FirstOrDefault(store => store.IsActorStateStore);

    private string StateKey(string actorType, string actorId, string key)
    {
        foreach (var part in new[] { actorType, actorId, key })
        {
            if (string.IsNullOrEmpty(part) || part.Contains(StateKeyPrefix.Separator, StringComparison.Ordinal))
            {
                throw DaprErrors.Malformed($"actor type, id and state key must be non-empty and can't contain '{StateKeyPrefix.Separator}'");
            }
        }
        return $"{options.AppId}||{actorType}||{actorId}||{key}";
    }

    private bool IsThisSidecar(SidecarAddress host) => host.ProcessId == Environment.ProcessId && host.HttpPort == options.HttpPort;

    private async Task RelayToHostAsync(HttpContext http, SidecarAddress host, string path)
    {
        if (http.Request.Headers.ContainsKey(ServiceInvoker.InternalTokenHeader))
        {
            // Sent here by another sidecar that placed the actor on us, but we do not see it that way:
            // the hosts changed in between. Fail rather than bounce the call around.
            throw new DaprApiException("ERR_ACTOR_INVOKE_METHOD", 500, StatusCode.Unavailable, "actor placement is changing; retry the call");
        }
        using var request = new HttpRequestMessage(new HttpMethod(http.Request.Method), new Uri($"http://127.0.0.1:{host.HttpPort}{path}"));
        await CopyRequestAsync(http.Request, request);
        request.Headers.TryAddWithoutValidation(ServiceInvoker.InternalTokenHeader, directory.InternalToken);
        using var response = await sidecars.SendAsync(request, http.RequestAborted);
        http.Response.StatusCode = (int)response.StatusCode;
        await CopyResponseAsync(response, http.Response, http.RequestAborted);
    }

    private static async Task CopyRequestAsync(HttpRequest from, HttpRequestMessage to)
    {
        using var body = new MemoryStream();
        await from.Body.CopyToAsync(body);
        to.Content = new ByteArrayContent(body.ToArray());
        foreach (var (name, values) in from.Headers)
        {
            if (NotForwarded.Contains(name))
            {
                continue;
            }
            if (!to.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                to.Content.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }
    }

    private static async Task CopyResponseAsync(HttpResponseMessage from, HttpResponse to, CancellationToken cancellationToken)
    {
        foreach (var (name, values) in from.Headers.Concat(from.Content.Headers))
        {
            if (!NotForwarded.Contains(name))
            {
                to.Headers[name] = values.ToArray();
            }
        }
        await from.Content.CopyToAsync(to.Body, cancellationToken);
    }
}

/// <summary>One operation of an actor state transaction as the SDK sends it.</summary>
public sealed record ActorStateOperation(string Operation, string Key, byte[] Value);
