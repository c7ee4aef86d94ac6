using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Autogen = Dapr.Client.Autogen.Grpc.v1;

namespace Ecommerce.DaprLocal.Api.Grpc;

/// <summary>
/// Binds the methods of <c>dapr.proto.runtime.v1.Dapr</c> that DaprLocal serves to
/// <see cref="DaprGrpcService"/>. Dapr.Protos ships messages and a client but no server base class,
/// so each method is declared here from its name and message parsers. Methods not listed answer
/// <c>Unimplemented</c>, which the SDK treats as "not available" and falls back from.
/// Every call passes the <c>DAPR_API_TOKEN</c> check (<see cref="DaprApiTokenInterceptor"/>) and has its
/// <see cref="DaprApiException"/> turned into daprd's gRPC status.
/// </summary>
public sealed class DaprGrpcMethodProvider : IServiceMethodProvider<DaprGrpcService>
{
    public const string ServiceName = "dapr.proto.runtime.v1.Dapr";

    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<DaprGrpcService> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Add(context, "GetState", Autogen.GetStateRequest.Parser, Autogen.GetStateResponse.Parser, (s, r, c) => s.GetState(r, c));
        Add(context, "GetBulkState", Autogen.GetBulkStateRequest.Parser, Autogen.GetBulkStateResponse.Parser, (s, r, c) => s.GetBulkState(r, c));
        Add(context, "SaveState", Autogen.SaveStateRequest.Parser, Google.Protobuf.WellKnownTypes.Empty.Parser, (s, r, c) => s.SaveState(r, c));
        Add(context, "DeleteState", Autogen.DeleteStateRequest.Parser, Google.Protobuf.WellKnownTypes.Empty.Parser, (s, r, c) => s.DeleteState(r, c));
        Add(context, "DeleteBulkState", Autogen.DeleteBulkStateRequest.Parser, Google.Protobuf.WellKnownTypes.Empty.Parser, (s, r, c) => s.DeleteBulkState(r, c));
        Add(context, "ExecuteStateTransaction", Autogen.ExecuteStateTransactionRequest.Parser, Google.Protobuf.WellKnownTypes.Empty.Parser, (s, r, c) => s.ExecuteStateTransaction(r, c));
        Add(context, "QueryStateAlpha1", Autogen.QueryStateRequest.Parser, Autogen.QueryStateResponse.Parser, (s, r, c) => s.QueryState(r, c));
        Add(context, "PublishEvent", Autogen.PublishEventRequest.Parser, Google.Protobuf.WellKnownTypes.Empty.Parser, (s, r, c) => s.PublishEvent(r, c));
        Add(context, "BulkPublishEvent", Autogen.BulkPublishRequest.Parser, Autogen.BulkPublishResponse.Parser, (s, r, c) => s.BulkPublishEvent(r, c));
        Add(context, "BulkPublishEventAlpha1", Autogen.BulkPublishRequest.Parser, Autogen.BulkPublishResponse.Parser, (s, r, c) => s.BulkPublishEvent(r, c));
        Add(context, "InvokeService", Autogen.InvokeServiceRequest.Parser, Autogen.InvokeResponse.Parser, (s, r, c) => s.InvokeService(r, c));
        Add(context, "InvokeBinding", Autogen.InvokeBindingRequest.Parser, Autogen.InvokeBindingResponse.Parser, (s, r, c) => s.InvokeBinding(r, c));
        Add(context, "GetSecret", Autogen.GetSecretRequest.Parser, Autogen.GetSecretResponse.Parser, (s, r, c) => s.GetSecret(r, c));
        Add(context, "GetBulkSecret", Autogen.GetBulkSecretRequest.Parser, Autogen.GetBulkSecretResponse.Parser, (s, r, c) => s.GetBulkSecret(r, c));
        Add(context, "GetMetadata", Autogen.GetMetadataRequest.Parser, Autogen.GetMetadataResponse.Parser, (s, r, c) => s.GetMetadata(r, c));
        Add(context, "SetMetadata", Autogen.SetMetadataRequest.Parser, Google.Protobuf.WellKnownTypes.Empty.Parser, (s, r, c) => s.SetMetadata(r, c));
        Add(context, "Shutdown", Autogen.ShutdownRequest.Parser, Google.Protobuf.WellKnownTypes.Empty.Parser, (s, r, c) => s.Shutdown(r, c));
        // Workflow management: the Beta1 names and their deprecated Alpha1 twins answer alike, as on daprd.
        foreach (var stage in new[] { "Beta1", "Alpha1" })
        {
            Add(context, "StartWorkflow" + stage, Autogen.StartWorkflowRequest.Parser, Autogen.StartWorkflowResponse.Parser, (s, r, c) => s.StartWorkflow(r, c));
            Add(context, "GetWorkflow" + stage, Autogen.GetWorkflowRequest.Parser, Autogen.GetWorkflowResponse.Parser, (s, r, c) => s.GetWorkflow(r, c));
            Add(context, "TerminateWorkflow" + stage, Autogen.TerminateWorkflowRequest.Parser, Google.Protobuf.WellKnownTypes.Empty.Parser, (s, r, c) => s.TerminateWorkflow(r, c));
            Add(context, "PauseWorkflow" + stage, Autogen.PauseWorkflowRequest.Parser, Google.Protobuf.WellKnownTypes.Empty.Parser, (s, r, c) => s.PauseWorkflow(r, c));
            Add(context, "ResumeWorkflow" + stage, Autogen.ResumeWorkflowRequest.Parser, Google.Protobuf.WellKnownTypes.Empty.Parser, (s, r, c) => s.ResumeWorkflow(r, c));
            Add(context, "RaiseEventWorkflow" + stage, Autogen.RaiseEventWorkflowRequest.Parser, Google.Protobuf.WellKnownTypes.Empty.Parser, (s, r, c) => s.RaiseEventWorkflow(r, c));
            Add(context, "PurgeWorkflow" + stage, Autogen.PurgeWorkflowRequest.Parser, Google.Protobuf.WellKnownTypes.Empty.Parser, (s, r, c) => s.PurgeWorkflow(r, c));
        }
    }

    private static void Add<TRequest, TResponse>(
        ServiceMethodProviderContext<DaprGrpcService> context,
        string name,
        MessageParser<TRequest> requestParser,
        MessageParser<TResponse> responseParser,
        Func<DaprGrpcService, TRequest, ServerCallContext, Task<TResponse>> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        var method = new Method<TRequest, TResponse>(
            MethodType.Unary,
            ServiceName,
            name,
            Marshallers.Create(message => message.ToByteArray(), requestParser.ParseFrom),
            Marshallers.Create(message => message.ToByteArray(), responseParser.ParseFrom));
        context.AddUnaryMethod(method, [], async (service, request, callContext) =>
        {
            try
            {
                return await handler(service, request, callContext);
            }
            catch (DaprApiException error)
            {
                throw new RpcException(new Status(error.GrpcStatus, error.Message));
            }
        });
    }
}
