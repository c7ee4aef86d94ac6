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

    /// <summary>
    /// Starts the recovery of an order whose checkout saga stopped (instance id = <see cref="RecoveryInstanceId"/>);
    /// false when it had been started already (a recovery runs once per order).
    /// </summary>
    Task<bool> StartRecoveryAsync(RecoveryInput input, CancellationToken cancellationToken);

    /// <summary>The instance's runtime status (without inputs or history); null when there is no such instance.</summary>
    Task<SagaState?> GetStateAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Whether the saga instance exists.</summary>
    Task<bool> ExistsAsync(string instanceId, CancellationToken cancellationToken);

    Task RaiseAsync(string instanceId, string eventName, object payload, CancellationToken cancellationToken);

    /// <summary>The saga as the engine reports it, with its history; null when there is no such instance.</summary>
    Task<SagaView?> DescribeAsync(string instanceId, CancellationToken cancellationToken);

    public static string ReturnInstanceId(string orderId) => $"return-{orderId}";

    public static string RecoveryInstanceId(string orderId) => $"recover-{orderId}";
}
