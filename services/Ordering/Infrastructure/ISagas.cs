using Ecommerce.Ordering.Model;
using Ecommerce.Ordering.Workflow;

namespace Ecommerce.Ordering.Infrastructure;

/// <summary>The order endpoints' view of the workflow engine: start the sagas, raise their events, describe them.</summary>
public interface ISagas
{
    /// <summary>Starts the checkout saga of an order unless it has one already (instance id = order id).</summary>
    Task StartCheckoutAsync(CheckoutInput input, CancellationToken cancellationToken);

    /// <summary>Starts the return saga of an order unless it has one already (instance id = <see cref="ReturnInstanceId"/>).</summary>
    Task StartReturnAsync(ReturnInput input, CancellationToken cancellationToken);

    /// <summary>Whether the saga instance exists.</summary>
    Task<bool> ExistsAsync(string instanceId, CancellationToken cancellationToken);

    Task RaiseAsync(string instanceId, string eventName, object payload, CancellationToken cancellationToken);

    /// <summary>The saga as the engine reports it, with its history; null when there is no such instance.</summary>
    Task<SagaView?> DescribeAsync(string instanceId, CancellationToken cancellationToken);

    public static string ReturnInstanceId(string orderId) => $"return-{orderId}";
}
