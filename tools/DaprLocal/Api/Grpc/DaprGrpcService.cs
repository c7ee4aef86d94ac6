using Ecommerce.DaprLocal.Invocation;
using Ecommerce.DaprLocal.Runtime;
using Ecommerce.DaprLocal.State;
using Ecommerce.DaprLocal.Workflows;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Primitives;
using Autogen = Dapr.Client.Autogen.Grpc.v1;

namespace Ecommerce.DaprLocal.Api.Grpc;

/// <summary>
/// daprd's gRPC API (<c>dapr.proto.runtime.v1.Dapr</c>) over the same building blocks as the HTTP
/// API, so both answer alike. Bound by <see cref="DaprGrpcMethodProvider"/>.
/// </summary>
public sealed class DaprGrpcService(
    StateApi state, PublishApi publisher, SecretsApi secrets, BindingsApi bindings,
    ServiceInvoker invoker, SidecarMetadata metadata, SidecarState sidecar, SidecarOptions options, WorkflowManagement workflows)
{
    private static readonly Empty Nothing = new();

    public async Task<Autogen.GetStateResponse> GetState(Autogen.GetStateRequest request, ServerCallContext context)
    {
        // A missing key is an empty answer, not an error (the SDK returns default(T)).
        var item = await state.GetAsync(request.StoreName, request.Key, request.Metadata, context.CancellationToken);
        var response = new Autogen.GetStateResponse();
        if (item is not null)
        {
            response.Data = ByteString.CopyFrom(item.Value);
            response.Etag = item.ETag;
            response.Metadata.AddEntries(item.Metadata);
        }
        return response;
    }

    public async Task<Autogen.GetBulkStateResponse> GetBulkState(Autogen.GetBulkStateRequest request, ServerCallContext context)
    {
        var results = await state.GetBulkAsync(request.StoreName, request.Keys, request.Parallelism, request.Metadata, context.CancellationToken);
        var response = new Autogen.GetBulkStateResponse();
        foreach (var result in results)
        {
            var item = new Autogen.BulkStateItem { Key = result.Key, Etag = result.ETag ?? "", Error = result.Error ?? "" };
            if (result.Value is not null)
            {
                item.Data = ByteString.CopyFrom(result.Value);
            }
            item.Metadata.AddEntries(result.Metadata);
            response.Items.Add(item);
        }
        return response;
    }

    public async Task<Empty> SaveState(Autogen.SaveStateRequest request, ServerCallContext context)
    {
        await state.SaveAsync(request.StoreName, request.States.Select(ToSaveRequest).ToArray(), context.CancellationToken);
        return Nothing;
    }

    public async Task<Empty> DeleteState(Autogen.DeleteStateRequest request, ServerCallContext context)
    {
        await state.DeleteAsync(
            request.StoreName,
            new StateDeleteRequest(request.Key, request.Etag?.Value, Concurrency(request.Options), request.Metadata),
            context.CancellationToken);
        return Nothing;
    }

    public async Task<Empty> DeleteBulkState(Autogen.DeleteBulkStateRequest request, ServerCallContext context)
    {
        foreach (var item in request.States)
        {
            await state.DeleteAsync(
                request.StoreName,
                new StateDeleteRequest(item.Key, item.Etag?.Value, Concurrency(item.Options), item.Metadata),
                context.CancellationToken);
        }
        return Nothing;
    }

    public async Task<Empty> ExecuteStateTransaction(Autogen.ExecuteStateTransactionRequest request, ServerCallContext context)
    {
        var operations = request.Operations
            .Select(operation => new StateTransactionRequest(operation.OperationType, ToSaveRequest(operation.Request ?? new Autogen.StateItem())))
            .ToArray();
        await state.ExecuteTransactionAsync(request.StoreName, operations, request.Metadata, context.CancellationToken);
        return Nothing;
    }

    public async Task<Autogen.QueryStateResponse> QueryState(Autogen.QueryStateRequest request, ServerCallContext context)
    {
        var result = await state.QueryAsync(request.StoreName, request.Query, context.CancellationToken);
        var response = new Autogen.QueryStateResponse { Token = result.Token ?? "" };
        response.Results.Add(result.Results.Select(item => new Autogen.QueryStateItem
        {
            Key = item.Key,
            Data = ByteString.CopyFrom(item.Value),
            Etag = item.ETag,
        }));
        return response;
    }

    public async Task<Empty> PublishEvent(Autogen.PublishEventRequest request, ServerCallContext context)
    {
        await publisher.PublishAsync(
            request.PubsubName, request.Topic, request.Data.ToByteArray(), EmptyToNull(request.DataContentType), request.Metadata,
            context.RequestHeaders.GetValue("traceparent"), context.RequestHeaders.GetValue("tracestate"), context.CancellationToken);
        return Nothing;
    }

    public async Task<Autogen.BulkPublishResponse> BulkPublishEvent(Autogen.BulkPublishRequest request, ServerCallContext context)
    {
        var entries = request.Entries
            .Select(entry => new BulkPublishEntry(entry.EntryId, entry.Event.ToByteArray(), EmptyToNull(entry.ContentType), entry.Metadata))
            .ToArray();
        var failed = await publisher.BulkPublishAsync(
            request.PubsubName, request.Topic, entries, request.Metadata, context.RequestHeaders.GetValue("traceparent"), context.CancellationToken);
        var response = new Autogen.BulkPublishResponse();
        response.FailedEntries.Add(failed.Select(f => new Autogen.BulkPublishResponseFailedEntry { EntryId = f.EntryId, Error = f.Error }));
        return response;
    }

    /// <summary>The deprecated gRPC form of invocation: relayed over HTTP like any other invocation.</summary>
    public async Task<Autogen.InvokeResponse> InvokeService(Autogen.InvokeServiceRequest request, ServerCallContext context)
    {
        var message = request.Message ?? new Autogen.InvokeRequest();
        var verb = message.HttpExtension?.Verb.ToString().ToUpperInvariant() is { } name && name != "NONE" ? name : "POST";
        var query = message.HttpExtension?.Querystring is { Length: > 0 } querystring ? "?" + querystring : "";
        var headers = context.RequestHeaders
            .Where(header => !header.IsBinary && !header.Key.StartsWith(':') && !header.Key.StartsWith("grpc-", StringComparison.Ordinal))
            .Select(header => (header.Key, new StringValues(header.Value)))
            .ToArray();
        using var response = await invoker.SendAsync(
            new InvocationRequest(new HttpMethod(verb), request.Id, message.Method, query, headers, message.Data?.Value.ToByteArray() ?? [], EmptyToNull(message.ContentType), options.AppId),
            context.CancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(context.CancellationToken);
        await context.WriteResponseHeadersAsync(new Metadata { { "dapr-http-status", ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) } });
        return new Autogen.InvokeResponse
        {
            Data = new Any { Value = ByteString.CopyFrom(body) },
            ContentType = response.Content.Headers.ContentType?.ToString() ?? "",
        };
    }

    public async Task<Autogen.InvokeBindingResponse> InvokeBinding(Autogen.InvokeBindingRequest request, ServerCallContext context)
    {
        var result = await bindings.InvokeAsync(request.Name, request.Operation, request.Data.ToByteArray(), request.Metadata, context.CancellationToken);
        var response = new Autogen.InvokeBindingResponse { Data = ByteString.CopyFrom(result.Data) };
        response.Metadata.AddEntries(result.Metadata);
        return response;
    }

    public async Task<Autogen.GetSecretResponse> GetSecret(Autogen.GetSecretRequest request, ServerCallContext context)
    {
        var secret = await secrets.GetAsync(request.StoreName, request.Key, request.Metadata, context.CancellationToken);
        var response = new Autogen.GetSecretResponse();
        if (secret is not null)
        {
            response.Data.AddEntries(secret);
        }
        return response;
    }

    public async Task<Autogen.GetBulkSecretResponse> GetBulkSecret(Autogen.GetBulkSecretRequest request, ServerCallContext context)
    {
        var all = await secrets.GetBulkAsync(request.StoreName, request.Metadata, context.CancellationToken);
        var response = new Autogen.GetBulkSecretResponse();
        foreach (var (name, values) in all)
        {
            var secret = new Autogen.SecretResponse();
            secret.Secrets.AddEntries(values);
            response.Data.Add(name, secret);
        }
        return response;
    }

    public Task<Autogen.GetMetadataResponse> GetMetadata(Autogen.GetMetadataRequest request, ServerCallContext context)
    {
        var description = metadata.Describe();
        var response = new Autogen.GetMetadataResponse { Id = description.Id, RuntimeVersion = description.RuntimeVersion };
        response.RegisteredComponents.Add(description.Components.Select(component =>
        {
            var registered = new Autogen.RegisteredComponents { Name = component.Name, Type = component.Type, Version = component.Version };
            registered.Capabilities.Add(component.Capabilities);
            return registered;
        }));
        response.ExtendedMetadata.AddEntries(description.Extended);
        response.Subscriptions.Add(description.Subscriptions.Select(subscription =>
        {
            var described = new Autogen.PubsubSubscription
            {
                PubsubName = subscription.Pubsubname,
                Topic = subscription.Topic,
                DeadLetterTopic = subscription.DeadLetterTopic,
                Rules = new Autogen.PubsubSubscriptionRules(),
            };
            described.Metadata.AddEntries(subscription.Metadata);
            described.Rules.Rules.Add(subscription.Rules.Select(rule => new Autogen.PubsubSubscriptionRule { Match = rule.Match, Path = rule.Path }));
            return described;
        }));
        return Task.FromResult(response);
    }

    public Task<Empty> SetMetadata(Autogen.SetMetadataRequest request, ServerCallContext context)
    {
        sidecar.Extended[request.Key] = request.Value;
        return Task.FromResult(Nothing);
    }

    public Task<Empty> Shutdown(Autogen.ShutdownRequest request, ServerCallContext context)
    {
        sidecar.RequestShutdown();
        return Task.FromResult(Nothing);
    }

    public async Task<Autogen.StartWorkflowResponse> StartWorkflow(Autogen.StartWorkflowRequest request, ServerCallContext context)
    {
        // daprd's one start option: an RFC 3339 time to start at.
        DateTimeOffset? startAt = null;
        if (request.Options.TryGetValue("dapr.workflow.start_time", out var startTime))
        {
            startAt = DateTimeOffset.TryParse(startTime, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed
                : throw new DaprApiException("ERR_START_WORKFLOW", 500, StatusCode.Internal,
                    $"error starting workflow '{request.WorkflowName}': start times must be in RFC3339 format (e.g. \"2009-11-10T23:00:00Z\")");
        }
        var instanceId = await workflows.StartAsync(
            request.WorkflowComponent, request.WorkflowName, request.InstanceId, request.Input.ToStringUtf8(), startAt, context.CancellationToken);
        return new Autogen.StartWorkflowResponse { InstanceId = instanceId };
    }

    public async Task<Autogen.GetWorkflowResponse> GetWorkflow(Autogen.GetWorkflowRequest request, ServerCallContext context)
    {
        // An unknown instance is an empty answer on gRPC (the HTTP route makes it a 404).
        if (await workflows.GetAsync(request.WorkflowComponent, request.InstanceId, context.CancellationToken) is not { } summary)
        {
            return new Autogen.GetWorkflowResponse { InstanceId = request.InstanceId };
        }
        var response = new Autogen.GetWorkflowResponse
        {
            InstanceId = summary.InstanceId,
            WorkflowName = summary.WorkflowName,
            CreatedAt = Timestamp.FromDateTimeOffset(summary.CreatedAt),
            LastUpdatedAt = Timestamp.FromDateTimeOffset(summary.LastUpdatedAt),
            RuntimeStatus = summary.RuntimeStatus,
        };
        response.Properties.Add(summary.Properties.ToDictionary());
        return response;
    }

    public async Task<Empty> TerminateWorkflow(Autogen.TerminateWorkflowRequest request, ServerCallContext context)
    {
        await workflows.TerminateAsync(request.WorkflowComponent, request.InstanceId, context.CancellationToken);
        return Nothing;
    }

    public async Task<Empty> PauseWorkflow(Autogen.PauseWorkflowRequest request, ServerCallContext context)
    {
        await workflows.PauseAsync(request.WorkflowComponent, request.InstanceId, context.CancellationToken);
        return Nothing;
    }

    public async Task<Empty> ResumeWorkflow(Autogen.ResumeWorkflowRequest request, ServerCallContext context)
    {
        await workflows.ResumeAsync(request.WorkflowComponent, request.InstanceId, context.CancellationToken);
        return Nothing;
    }

    public async Task<Empty> RaiseEventWorkflow(Autogen.RaiseEventWorkflowRequest request, ServerCallContext context)
    {
        await workflows.RaiseEventAsync(request.WorkflowComponent, request.InstanceId, request.EventName, request.EventData.ToStringUtf8(), context.CancellationToken);
        return Nothing;
    }

    public async Task<Empty> PurgeWorkflow(Autogen.PurgeWorkflowRequest request, ServerCallContext context)
    {
        await workflows.PurgeAsync(request.WorkflowComponent, request.InstanceId, context.CancellationToken);
        return Nothing;
    }

    private static StateSaveRequest ToSaveRequest(Autogen.StateItem item) =>
        new(item.Key, item.Value.ToByteArray(), item.Etag?.Value, Concurrency(item.Options), item.Metadata);

    private static StateConcurrency Concurrency(Autogen.StateOptions? options) =>
        options?.Concurrency == Autogen.StateOptions.Types.StateConcurrency.ConcurrencyFirstWrite ? StateConcurrency.FirstWrite : StateConcurrency.LastWrite;

    private static string? EmptyToNull(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
